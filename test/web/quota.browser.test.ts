// The API (through web-support) is imported before the flow language on purpose (see planning-and-approval).
import { createSignInOrgChart, useWeb } from './web-support';
import { describe, expect, it } from 'vitest';
import { createSignInPerson } from '../support/browser';
import { createProject, startExecution } from '../support/factories';
import { call } from '../support/http';
import { createPlanProject, revenueGoal2027, year2027 } from '../support/sales-plan';

const web = useWeb();

describe('the quota section of the sales plan page', () => {
  it('lets the owner share a goal among members by weights, seeing the unallocated rest, and shows a rep only their own quota by month', async () => {
    const org = await createSignInOrgChart(web.system);
    const ann = await createSignInPerson(web.system.app, 'Ann Quota', { managerId: org.manager.id });
    const bo = await createSignInPerson(web.system.app, 'Bo Quota', { managerId: org.manager.id });
    const project = await createPlanProject(web.system.db, { ownerId: org.rep.id, ...year2027 });
    expect((await call(web.system.app, 'PUT', `/api/projects/${project.id}/members`, { members: [ann, bo].map((m) => ({ userId: m.id, role: 'member' })) })).status).toBe(200);
    expect((await call(web.system.app, 'POST', `/api/projects/${project.id}/goals`, revenueGoal2027)).status).toBe(201);

    const page = await web.newPage(org.rep);
    await page.goto(`${web.url}/projects/${project.id}/sales-plan`);
    const form = page.getByTestId('allocation-form');
    await form.getByTestId(`allocation-value-${ann.id}`).fill('3');
    await form.getByTestId(`allocation-value-${bo.id}`).fill('2');
    // Weights leave nothing over; amounts leave the rest, shown before anything is saved.
    await expect.poll(() => form.getByTestId('allocation-rest').textContent()).toBe('0');
    await form.getByLabel('Share by').selectOption('amount');
    await form.getByTestId(`allocation-value-${ann.id}`).fill('3000000');
    await form.getByTestId(`allocation-value-${bo.id}`).fill('1500000');
    await expect.poll(() => form.getByTestId('allocation-rest').textContent()).toBe('500,000');
    await form.getByLabel('Share by').selectOption('weight');
    await form.getByTestId(`allocation-value-${ann.id}`).fill('3');
    await form.getByTestId(`allocation-value-${bo.id}`).fill('2');
    await form.getByRole('button', { name: 'Save the allocation' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Saved');
    const section = page.getByTestId('quota-section');
    await expect.poll(() => section.getByTestId(`quota-row-${ann.id}`).locator('td').first().textContent()).toBe('3,000,000');
    expect(await section.getByTestId(`quota-row-${bo.id}`).locator('td').first().textContent()).toBe('2,000,000');
    expect(await section.getByRole('heading', { level: 3 }).first().textContent()).toBe('Revenue: 5,000,000');
    await web.screenshot(page, 'quota-owner');

    const rep = await web.newPage(ann);
    await rep.goto(`${web.url}/projects/${project.id}/sales-plan`);
    const mine = rep.getByTestId('quota-section');
    await expect.poll(() => mine.getByTestId(`quota-row-${ann.id}`).count()).toBe(1);
    expect(await mine.getByTestId(`quota-row-${bo.id}`).count()).toBe(0);
    expect(await mine.getByTestId(`quota-row-${ann.id}`).locator('td').count()).toBe(3 + 12);
    expect(await rep.getByTestId('allocation-form').count()).toBe(0);
    await web.screenshot(rep, 'quota-rep');
  });
});

describe('requesting a new allocation once the project runs', () => {
  it('turns the allocation form into a change request with a reason, whose answer shows each member’s quota now and after', async () => {
    const org = await createSignInOrgChart(web.system);
    const ann = await createSignInPerson(web.system.app, 'Ann Realloc', { managerId: org.manager.id });
    const bo = await createSignInPerson(web.system.app, 'Bo Realloc', { managerId: org.manager.id });
    const project = await createProject(web.system.app, org.rep.id, 'Reallocate', year2027);
    expect((await call(web.system.app, 'PUT', `/api/projects/${project.id}/members`, { members: [ann, bo].map((m) => ({ userId: m.id, role: 'member' })) })).status).toBe(200);
    const goal = await call(web.system.app, 'POST', `/api/projects/${project.id}/goals`, revenueGoal2027);
    expect(goal.status).toBe(201);
    expect((await call(web.system.app, 'PUT', `/api/projects/${project.id}/goals/${goal.body.id}/allocation`, { granularity: 'quarter', shares: [{ userId: ann.id, weight: 1 }] })).status).toBe(200);
    await startExecution(web.system.app, project.id, org.rep);

    const page = await web.newPage(org.rep);
    await page.goto(`${web.url}/projects/${project.id}/sales-plan`);
    const form = page.getByTestId('allocation-form');
    await expect.poll(() => form.getByRole('heading', { level: 3 }).textContent()).toBe('Request a new allocation');
    await expect.poll(() => form.getByTestId(`allocation-value-${ann.id}`).inputValue()).toBe('1');
    await form.getByTestId(`allocation-value-${ann.id}`).fill('3');
    await form.getByTestId(`allocation-value-${bo.id}`).fill('2');
    await form.getByTestId('reallocation-reason').fill('Bo joins the key accounts');
    await form.getByRole('button', { name: 'Request the change' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Requested');
    const preview = form.getByTestId('reallocation-preview');
    const row = (name: string) => preview.getByRole('row').filter({ hasText: name }).locator('td');
    expect(await row('Ann Realloc').allTextContents()).toEqual(['5,000,000', '3,000,000', expect.stringContaining('5,000,000 → ')]);
    expect(await row('Bo Realloc').allTextContents()).toEqual(['—', '2,000,000', expect.stringMatching(/^— → /)]);
    await web.screenshot(page, 'quota-reallocation-request');
  });
});
