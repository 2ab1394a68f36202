// The API (through web-support) is imported first on purpose: zod schemas made before
// @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { useWeb } from './web-support';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSignInPerson } from '../support/browser';
import { seriousAxeFindings } from '../support/axe';
import { call } from '../support/http';
import { englishLeftOn } from '../support/i18n-page';

const web = useWeb();

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/**
 * English the Chinese account page may still show: the person's own name and e-mail, the name
 * "English" (each language is offered by its own name), and the navigation, skip link and
 * "(optional)" mark, which other helpers translate at the same time (folders `app` and `shared`).
 */
const allowedOnAccount = (person: { name: string; email: string }) => [person.email, person.name, 'English', 'Projects', 'Inbox', 'People', 'Flows', 'Main', '(optional)', 'test'];

/**
 * Times the page writes through `shared/time.ts`, which still formats in the browser's language
 * (en-US here) rather than the page's, and a `<time>`'s machine-readable title (ISO 8601).
 */
const timeText = /^([A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M|\d{4}-\d{2}-\d{2}T[\d:.]+Z)$/;

describe('the language a person chooses', () => {
  it('changes the whole page at once from the account page, stays after a reload, and follows them to a browser set to another language', async () => {
    const person = await createSignInPerson(web.system.app, 'Lin Chooser', { role: 'member' });
    const page = await web.newPage(person);
    await page.goto(`${web.url}/account`);
    expect(await lang(page)).toBe('en');
    expect(await heading(page)).toContain('Your account');
    expect(await page.getByTestId('language-choice').inputValue()).toBe('');
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByTestId('language-choice').selectOption('zh-CN');
    await expect.poll(() => lang(page)).toBe('zh-CN');
    await expect.poll(() => heading(page)).toContain('我的账户');
    // The parts around the page too: the user menu, the absence card, the role.
    expect(await page.getByTestId('sign-out').textContent()).toContain('退出登录');
    expect(await page.getByTestId('absence').textContent()).toContain('外出');
    expect(await page.getByTestId('account-role').textContent()).toBe('成员');
    expect(await page.getByTestId('language-choice').inputValue()).toBe('zh-CN');
    expect((await englishLeftOn(page, allowedOnAccount(person))).filter((text) => !timeText.test(text))).toEqual([]);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await web.screenshot(page, 'account-language-zh-CN');
    expect((await call(web.system.app, 'GET', `/api/users/${person.id}`)).body.language).toBe('zh-CN');

    // Another screen, without loading the page again, then after a reload.
    await page.locator('a[href="/inbox"]').first().click();
    await expect.poll(() => heading(page)).toContain('收件箱');
    await page.reload();
    await expect.poll(() => heading(page)).toContain('收件箱');
    expect(await lang(page)).toBe('zh-CN');

    // Signing in on another computer whose browser reads English: the person's choice wins.
    const elsewhere = await web.newPage(person, { locale: 'en-US' });
    await elsewhere.goto(`${web.url}/account`);
    await expect.poll(() => heading(elsewhere)).toContain('我的账户');
    expect(await lang(elsewhere)).toBe('zh-CN');

    // "As my browser" hands the choice back to each browser: English here...
    await elsewhere.getByTestId('language-choice').selectOption('');
    await expect.poll(() => heading(elsewhere)).toContain('Your account');
    expect(await lang(elsewhere)).toBe('en');
    expect(await elsewhere.getByTestId('language-choice').locator('option:checked').textContent()).toBe('As my browser (English)');
    expect(await seriousAxeFindings(elsewhere)).toEqual([]);
    await web.screenshot(elsewhere, 'account-language-en');

    // ...and Chinese in a Chinese browser, until the person chooses English, which then stays.
    const chinese = await web.newPage(person, { locale: 'zh-CN' });
    await chinese.goto(`${web.url}/account`);
    await expect.poll(() => heading(chinese)).toContain('我的账户');
    expect(await chinese.getByTestId('language-choice').locator('option:checked').textContent()).toBe('跟随浏览器（中文（简体））');
    await chinese.getByTestId('language-choice').selectOption('en');
    await expect.poll(() => heading(chinese)).toContain('Your account');
    await chinese.reload();
    await expect.poll(() => heading(chinese)).toContain('Your account');
    expect(await lang(chinese)).toBe('en');
  });
});
