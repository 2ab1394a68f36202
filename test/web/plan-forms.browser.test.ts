// The API (through web-support) is imported before the flow language on purpose (see planning-and-approval).
import { createSignInOrgChart, useWeb } from './web-support';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createProject, getProject } from '../../api/contract/routes/projects';
import { goalRoutes } from '../../api/contract/routes/goals';
import { apiAs, expectOk } from '../support/api-client';

const web = useWeb();

/** A rep who has just created a project through the page, on its plan page. */
async function planOfNewProject(name: string) {
  const org = await createSignInOrgChart(web.system);
  const page = await web.newPage(org.rep);
  await page.goto(`${web.url}/projects/new`);
  await page.getByTestId('project-name').fill(`${name} ${randomUUID().slice(0, 8)}`);
  await page.getByRole('button', { name: 'Create and plan' }).click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}\/plan$/);
  return { org, page };
}

describe('the plan’s own forms', () => {
  it('checks a task, a budget line and a risk with the contract before sending, keeps what was typed, and adds each row', async () => {
    const { page } = await planOfNewProject('Forms');

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
    // Typed as people write large amounts, with its digits grouped.
    await budget.getByLabel('Planned').fill('25,000');
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
    expect(await page.locator('.item-list').nth(1).textContent()).toContain('warns when Revenue goes below 1000');
  });

  it('adds a milestone by hand after the contract finds what is missing, and edits it in place', async () => {
    const { page } = await planOfNewProject('Milestones');

    const form = page.getByRole('form', { name: 'Add a milestone' });
    await form.getByLabel('Target (cumulative)').fill('250000');
    await form.getByRole('button', { name: 'Add milestone' }).click();
    await expect.poll(() => form.locator('.field__error').count()).toBeGreaterThanOrEqual(2);
    expect(await form.getByLabel('Target (cumulative)').inputValue()).toBe('250000');

    const inTwoMonths = new Date(Date.now() + 60 * 86_400_000);
    const local = `${inTwoMonths.getFullYear()}-${String(inTwoMonths.getMonth() + 1).padStart(2, '0')}-${String(inTwoMonths.getDate()).padStart(2, '0')}T18:00`;
    await form.getByLabel('Name').fill('First key accounts');
    await form.getByLabel('Metric').fill('revenue');
    await form.getByLabel('Due').fill(local);
    await form.getByLabel('Warning offset amount').fill('3');
    await form.getByLabel('What it means for the team').fill('The first three key accounts signed');
    await form.getByLabel('Where the team shows it is met').fill('Signed contracts in the CRM');
    await form.getByRole('button', { name: 'Add milestone' }).click();
    const table = page.getByTestId('milestone-table');
    await expect.poll(() => table.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('First key accounts')]);
    expect(await table.locator('tbody tr').first().textContent()).toContain('below 80 %');
    expect(await table.locator('tbody tr').first().textContent()).toContain('The first three key accounts signed');
    expect(await table.locator('tbody tr').first().textContent()).toContain('Shown by: Signed contracts in the CRM');
    expect(await form.getByLabel('Name').inputValue()).toBe('');

    await page.getByRole('button', { name: 'Edit First key accounts' }).click();
    const edit = page.getByRole('form', { name: 'Edit milestone First key accounts' });
    expect(await edit.getByLabel('Due').inputValue()).toBe(local);
    expect(await edit.getByLabel('What it means for the team').inputValue()).toBe('The first three key accounts signed');
    expect(await edit.getByLabel('Where the team shows it is met').inputValue()).toBe('Signed contracts in the CRM');
    await edit.getByLabel('What it means for the team').fill('');
    await edit.getByLabel('Target (cumulative)').fill('300000');
    await edit.getByRole('button', { name: 'Save milestone' }).click();
    await expect.poll(() => table.locator('tbody tr').first().textContent()).toContain('300,000');
    expect(await table.locator('tbody tr').first().textContent()).not.toContain('key accounts signed');
    await expect.poll(() => page.getByRole('form', { name: 'Add a milestone' }).count()).toBe(1);
  });

  it('reads and shows the plan’s days and due times in the project calendar’s zone, wherever the browser is', async () => {
    const org = await createSignInOrgChart(web.system);
    // Sixteen hours behind Shanghai (the default calendar's zone) in January.
    const page = await web.newPage(org.rep, { timezoneId: 'America/Los_Angeles' });
    await page.goto(`${web.url}/projects/new`);
    const year = new Date().getUTCFullYear() + 1;
    await page.getByTestId('project-name').fill(`Zones ${randomUUID().slice(0, 8)}`);
    await page.getByTestId('project-start').fill(`${year}-01-01`);
    await page.getByTestId('project-last-day').fill(`${year}-03-31`);
    await page.getByRole('button', { name: 'Create and plan' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}\/plan$/);
    const id = /\/projects\/([0-9a-f-]{36})\/plan$/.exec(page.url())?.[1] ?? '';

    const api = apiAs(web.system.app, org.rep);
    const project = await expectOk(api(getProject, { params: { id } }), 200);
    expect([project.periodStart, project.periodEnd]).toEqual([`${year - 1}-12-31T16:00:00.000Z`, `${year}-03-31T16:00:00.000Z`]);
    await expect.poll(() => page.locator('.page__head').textContent()).toContain(`Jan 1, ${year} – Mar 31, ${year}`);
    expect(await page.locator('.page__head').textContent()).toContain('dates in Asia/Shanghai');

    // The goal form starts on the project's days and keeps them.
    const goalForm = page.getByTestId('goal-form');
    expect([await goalForm.getByLabel('From').inputValue(), await goalForm.getByLabel('Last day').inputValue()]).toEqual([`${year}-01-01`, `${year}-03-31`]);
    await goalForm.getByTestId('goal-target').fill('1000000');
    await page.getByTestId('goal-save').click();
    await expect.poll(async () => (await expectOk(api(goalRoutes.list, { params: { id } }), 200)).map((g) => g.period)).toEqual([{ start: project.periodStart, end: project.periodEnd }]);
    await expect.poll(() => page.getByTestId('goals-section').textContent()).toContain(`Jan 1, ${year} – Mar 31, ${year}`);

    // A due time typed as 18:00 is 18:00 in Shanghai, and shows and edits as 18:00.
    const form = page.getByRole('form', { name: 'Add a milestone' });
    await form.getByLabel('Name').fill('End of February');
    await form.getByLabel('Metric').fill('revenue');
    await form.getByLabel('Target (cumulative)').fill('400000');
    await form.getByLabel('Due').fill(`${year}-02-26T18:00`);
    await form.getByRole('button', { name: 'Add milestone' }).click();
    const table = page.getByTestId('milestone-table');
    await expect.poll(() => table.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining(`Feb 26, ${year}, 6:00 PM`)]);
    const [milestone] = (await expectOk(api(getProject, { params: { id } }), 200)).milestones;
    expect(milestone?.dueAt).toBe(`${year}-02-26T10:00:00.000Z`);
    expect(milestone?.ownerId).toBe(org.rep.id);
    await page.getByRole('button', { name: 'Edit End of February' }).click();
    expect(await page.getByRole('form', { name: 'Edit milestone End of February' }).getByLabel('Due').inputValue()).toBe(`${year}-02-26T18:00`);
  });

  it('asks to check the field the API refused in the page’s words, and takes the message away once it is changed', async () => {
    const { page } = await planOfNewProject('Refusal');

    // Without a goal a milestone needs a metric of its own: the API says so, not the form.
    const form = page.getByRole('form', { name: 'Add a milestone' });
    await form.getByLabel('Name').fill('First deals');
    await form.getByLabel('Target (cumulative)').fill('100000');
    await form.getByLabel('Due').fill(`${new Date().getUTCFullYear() + 1}-02-26T18:00`);
    await form.getByRole('button', { name: 'Add milestone' }).click();
    const alert = form.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe('Check the marked field.');
    expect(await form.locator('.field__error').allTextContents()).toEqual(['is required when the milestone has no goal']);

    await form.getByLabel('Metric').fill('revenue');
    await expect.poll(() => alert.count()).toBe(0);
    expect(await form.locator('.field__error').count()).toBe(0);
  });

  it('shows the owner a new milestone will be saved with, on a plan page opened afresh while the people are still loading', async () => {
    const org = await createSignInOrgChart(web.system);
    const project = await expectOk(apiAs(web.system.app, org.rep)(createProject, { body: { name: `Owner ${randomUUID().slice(0, 8)}`, ownerId: org.rep.id, periodStart: '2027-01-01T00:00:00+08:00', periodEnd: '2028-01-01T00:00:00+08:00' } }), 201);
    const page = await web.newPage(org.rep);
    await page.goto(`${web.url}/projects/${project.id}/plan`);
    const owner = page.getByRole('form', { name: 'Add a milestone' }).getByLabel('Owner');
    await expect.poll(() => owner.isEnabled()).toBe(true);
    expect(await owner.inputValue()).toBe(org.rep.id);
  });
});
