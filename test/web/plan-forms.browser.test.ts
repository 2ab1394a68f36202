// The API (through web-support) is imported before the flow language on purpose (see planning-and-approval).
import { createSignInOrgChart, useWeb } from './web-support';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';

const web = useWeb();

describe('the plan’s own forms', () => {
  it('checks a task, a budget line and a risk with the contract before sending, keeps what was typed, and adds each row', async () => {
    const org = await createSignInOrgChart(web.system);
    const page = await web.newPage(org.rep);
    await page.goto(`${web.url}/projects/new`);
    await page.getByTestId('project-name').fill(`Forms ${randomUUID().slice(0, 8)}`);
    await page.getByRole('button', { name: 'Create and plan' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}\/plan$/);

    const task = page.getByRole('form', { name: 'Add a task' });
    await task.getByRole('button', { name: 'Add task' }).click();
    await expect.poll(() => task.locator('.field__error').allTextContents()).toEqual(['must not be empty']);
    await task.getByLabel('Task').fill('Call the top ten accounts');
    await task.getByRole('button', { name: 'Add task' }).click();
    await expect.poll(() => page.locator('.item-list').allTextContents()).toEqual([expect.stringContaining('Call the top ten accounts')]);
    expect(await task.getByLabel('Task').inputValue()).toBe('');

    const budget = page.getByRole('form', { name: 'Add a budget line' });
    await budget.getByLabel('Category').fill('Events');
    await budget.getByLabel('Planned').fill('lots');
    await budget.getByRole('button', { name: 'Add budget line' }).click();
    await expect.poll(() => budget.locator('.field__error').count()).toBe(1);
    expect(await budget.getByLabel('Category').inputValue()).toBe('Events');
    await budget.getByLabel('Planned').fill('25000');
    await budget.getByRole('button', { name: 'Add budget line' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Remove budget line Events' }).count()).toBe(1);

    const risk = page.getByRole('form', { name: 'Add a risk' });
    await risk.getByLabel('Risk').fill('Key account churns');
    await risk.getByLabel('KPI metric').fill('revenue');
    await risk.getByLabel('Threshold').fill('a few');
    await risk.getByRole('button', { name: 'Add risk' }).click();
    await expect.poll(() => risk.locator('.field__error').allTextContents()).toEqual(['must be a number']);
    await risk.getByLabel('Threshold').fill('1000');
    await risk.getByLabel('Impact (1–5)').selectOption('5');
    await risk.getByRole('button', { name: 'Add risk' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Remove risk Key account churns' }).count()).toBe(1);
    expect(await page.locator('.item-list').nth(1).textContent()).toContain('probability 3 × impact 5');
    expect(await page.locator('.item-list').nth(1).textContent()).toContain('warns when revenue goes below 1000');
  });
});
