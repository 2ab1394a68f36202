// The API (through support/browser) is imported before anything that makes zod schemas.
import { useServedApp } from '../support/browser';
import { describe, expect, it } from 'vitest';
import { createPersonIn, useFreshInstance } from '../support/fresh-instance';
import { call } from '../support/http';
import { seriousAxeFindings } from '../support/axe';

// An instance of the file's own: the language is instance-wide, and the suite's other files expect English.
const served = useServedApp({ worker: false, pageTimeoutMs: 20_000, failurePrefix: 'instance-language-', ...useFreshInstance('instance_language_web') });

describe('the language of this Milepost on the account page', () => {
  it('lets an admin choose what Milepost writes in to people who chose none, and shows nobody else the choice', async () => {
    const admin = await createPersonIn(served.system.db, 'Ada Admin', 'admin');
    const member = await createPersonIn(served.system.db, 'Mo Member', 'member');

    const page = await served.signedInPage(admin, { locale: 'zh-CN' });
    await page.goto(`${served.url}/account`);
    const choice = page.getByTestId('instance-language-choice');
    await expect.poll(() => choice.inputValue()).toBe('en');
    expect(await page.getByTestId('instance-language').textContent()).toContain('未选择语言的人员收到的消息使用');
    await choice.selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('instance-language').textContent()).toContain('已保存');
    expect((await call(served.system.app, 'GET', '/api/settings/language', undefined, { as: member })).body).toEqual({ language: 'zh-CN' });
    expect(await seriousAxeFindings(page)).toEqual([]);

    const other = await served.signedInPage(member);
    await other.goto(`${served.url}/account`);
    await other.getByTestId('language-choice').waitFor();
    expect(await other.getByTestId('instance-language').count()).toBe(0);
  });
});
