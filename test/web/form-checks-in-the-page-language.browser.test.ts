// The API (through web-support) is imported first on purpose: zod schemas made before
// @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { useWeb } from './web-support';
import { describe, expect, it } from 'vitest';
import { createSignInPerson } from '../support/browser';
import { createProject } from '../support/factories';

const web = useWeb();

const han = /[\u4e00-\u9fff]/;
/** A run of Latin letters a Chinese reader would see as English (four or more: not "ID" or a unit). */
const englishWord = /[A-Za-z]{4,}/;
/** The type names zod's Chinese locale keeps in Latin ("数值过大：期望 number <=366"), as the API says it too. */
const zodTypeNames = /\b(number|string|boolean|array|object)\b/g;

describe('what a form says before it sends anything', () => {
  it('says it in Chinese on a Chinese page: zod’s own words and a schema’s sentence, as the API would', async () => {
    const { app } = web.system;
    const manager = await createSignInPerson(app, 'Wang Fang', { role: 'manager' });
    const project = await createProject(app, manager.id, 'Checks');
    const page = await web.newPage(manager, { locale: 'zh-CN' });
    await page.goto(`${web.url}/projects/${project.id}`);
    await page.getByRole('button', { name: '编辑基本信息', exact: true }).click();
    const form = page.getByTestId('basics-form');
    await form.getByLabel('名称').fill('');
    await form.getByLabel(/^状态汇总间隔/).fill('9999');
    await form.getByRole('button', { name: '保存基本信息' }).click();
    await expect.poll(() => form.locator('.field__error').count()).toBe(2);
    const said = await form.locator('.field__error').allTextContents();
    expect(said).toEqual(['不能为空', expect.stringContaining('数值过大')]);
    for (const message of said) {
      expect(message, message).toMatch(han);
      expect(message.replace(zodTypeNames, ''), message).not.toMatch(englishWord);
    }
    // Nothing was sent: the name is what it was.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: project.name }).waitFor();
  });

  it('keeps the contract’s English words on an English page', async () => {
    const { app } = web.system;
    const manager = await createSignInPerson(app, 'Grace', { role: 'manager' });
    const project = await createProject(app, manager.id, 'Checks');
    const page = await web.newPage(manager);
    await page.goto(`${web.url}/projects/${project.id}`);
    await page.getByRole('button', { name: 'Edit basics', exact: true }).click();
    const form = page.getByTestId('basics-form');
    await form.getByLabel('Name').fill('');
    await form.getByRole('button', { name: 'Save basics' }).click();
    await expect.poll(() => form.locator('.field__error').allTextContents()).toEqual(['must not be empty']);
  });
});
