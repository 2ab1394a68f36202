// The API (through web-support) is imported first on purpose: zod schemas made before
// @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { createSignInOrgChart, pendingRequest, useWeb } from './web-support';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSignInPerson } from '../support/browser';
import { createProjectWithMilestone, inSeconds, startExecution } from '../support/factories';
import { call, eventually } from '../support/http';

const web = useWeb();

describe('escalations in the inbox', () => {
  it('puts an escalation in the manager’s inbox with its deadline, and acknowledging it there takes it off the list', async () => {
    const { app } = web.system;
    const org = await createSignInOrgChart(web.system);
    // The milestone is missed two seconds in; the manager then has two minutes to acknowledge.
    const project = await createProjectWithMilestone(app, org, { dueInSeconds: 2, ackTimeoutSeconds: 120 });
    await pendingRequest(web.system, org.manager.id, 'acknowledgement');

    const owner = await web.newPage(org.rep);
    await owner.goto(`${web.url}/projects/${project.id}`);
    await expect.poll(() => owner.getByTestId('open-escalations').locator('li').count()).toBe(1);
    await expect.poll(() => owner.getByTestId('open-escalations').textContent()).toContain('level 1, waiting for Manager');
    await web.screenshot(owner, '8-project-with-escalation');

    const manager = await web.newPage(org.manager);
    await manager.goto(`${web.url}/inbox`);
    const item = manager.getByTestId('inbox-item').filter({ has: manager.getByTestId('acknowledge') });
    await item.waitFor();
    expect(await item.getByTestId('inbox-deadline').textContent()).toMatch(/^Due in (\d+ minutes?|\d+ seconds?) — /);
    await web.screenshot(manager, '9-inbox-escalation');
    await item.getByTestId('acknowledge').click();
    await manager.getByTestId('inbox-empty').waitFor();
    expect(await manager.getByTestId('inbox-notice').textContent()).toContain('Acknowledged');
    expect(await manager.getByTestId('inbox-item').count()).toBe(0);
    const detail = await call<{ escalations: { acknowledgedAt: string | null; acknowledgedBy: string | null }[] }>(app, 'GET', `/api/projects/${project.id}`);
    expect(detail.body.escalations).toEqual([expect.objectContaining({ acknowledgedBy: org.manager.id })]);
    await web.screenshot(manager, '10-inbox-after-acknowledging');

    await owner.reload();
    await expect.poll(() => owner.getByTestId('open-escalations').textContent()).toContain('None.');
  });

  it('lists the next checks of a running project with how far away they are', async () => {
    const org = await createSignInOrgChart(web.system);
    const project = await createProjectWithMilestone(web.system.app, org, { dueInSeconds: 3 * 3600 });
    const page = await web.newPage(org.rep);
    await page.goto(`${web.url}/projects/${project.id}`);
    await expect.poll(() => page.getByTestId('next-checks').textContent()).toMatch(/Met\/missed check · First deals\s*in 3 hours/);
  });
});

describe('the project list', () => {
  it('narrows the list by owner, name and phase at once, keeping the filters in the address', async () => {
    const { app } = web.system;
    const org = await createSignInOrgChart(web.system);
    const tag = `List ${randomUUID().slice(0, 6)}`;
    for (const [name, ownerId] of [
      [`${tag} Alpha`, org.rep.id],
      [`${tag} Beta`, org.rep.id],
      [`${tag} Gamma`, org.manager.id],
    ] as const) {
      const created = await call(app, 'POST', '/api/projects', { name, ownerId, periodStart: inSeconds(-60), periodEnd: inSeconds(90 * 86_400), milestones: [] });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    // The manager sees their own project and those of the rep below them.
    const page = await web.newPage(org.manager);
    await page.goto(`${web.url}/projects?q=${encodeURIComponent(tag)}`);
    const rows = page.getByTestId('project-row');
    const names = () => rows.locator('.plist__name').allTextContents();
    await expect.poll(names).toEqual([`${tag} Gamma`, `${tag} Beta`, `${tag} Alpha`]);

    await page.getByTestId('filter-owner').selectOption(org.manager.id);
    await expect.poll(names).toEqual([`${tag} Gamma`]);
    expect(new URL(page.url()).searchParams.get('owner')).toBe(org.manager.id);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByTestId('project-search').fill(`${tag} al`);
    await expect.poll(names).toEqual([`${tag} Alpha`]);
    await page.getByTestId('project-search').fill(tag);
    await page.getByTestId('filter-phase').selectOption('execution');
    await page.getByTestId('project-list-empty').waitFor();
    await page.getByTestId('filter-phase').selectOption('planning');
    await expect.poll(names).toEqual([`${tag} Gamma`, `${tag} Beta`, `${tag} Alpha`]);
    await web.screenshot(page, '11-project-list-filtered');

    await page.reload();
    await expect.poll(names).toHaveLength(3);
    expect(await page.getByTestId('filter-phase').inputValue()).toBe('planning');
    await rows.first().getByRole('link').click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`${tag} Gamma`);
  });
});

describe('the closing review', () => {
  it('shows what happened in charts, takes the team’s answers, offers someone who only reads no form, and lets the owner finalize it', async () => {
    const { app } = web.system;
    const org = await createSignInOrgChart(web.system);
    // Missed after two seconds, escalated a level every two seconds, over after three: the review starts by itself.
    // The figure is reported while planning, so the milestone's check counts it however long starting takes.
    const project = await createProjectWithMilestone(app, org, { dueInSeconds: 2, ackTimeoutSeconds: 2, submit: false });
    const reported = await call(app, 'POST', `/api/projects/${project.id}/kpi-reports`, { metric: 'revenue', value: 400 }, { as: org.rep });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    await startExecution(app, project.id, org.rep);
    await eventually(async () => expect((await call(app, 'GET', `/api/projects/${project.id}/retrospective`)).status).toBe(200), { timeoutMs: 30_000, intervalMs: 250 });

    const page = await web.newPage(org.rep);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${web.url}/projects/${project.id}`);
    await page.getByTestId('retrospective-link').click();
    await page.waitForURL(/\/retrospective$/);
    await expect.poll(() => page.getByTestId('milestone-strip').locator('.recharts-bar-rectangle').count()).toBe(1);
    expect(await page.locator('.recharts-line').count()).toBeGreaterThan(0);

    // Operations staff read every project but answer and finalize nothing: the page offers neither.
    const ops = await web.newPage(await createSignInPerson(app, 'Review Reader', { role: 'ops' }));
    await ops.goto(`${web.url}/projects/${project.id}/retrospective`);
    await ops.getByTestId('team-input-list').waitFor();
    expect(await ops.getByTestId('team-input-form').count()).toBe(0);
    expect(await ops.getByTestId('finalize').count()).toBe(0);

    // An answer left out is refused in the API's words next to its field; what was typed stays.
    await page.getByTestId('went-well').fill('Fast first deals');
    await page.getByTestId('action-items').fill('Weekly pipeline review\nShare the call script');
    await page.getByTestId('team-input-save').click();
    await expect.poll(() => page.getByTestId('team-input-form').locator('.field__error').count()).toBe(1);
    expect(await page.getByTestId('went-well').inputValue()).toBe('Fast first deals');

    await page.getByTestId('to-improve').fill('Earlier pipeline reviews');
    await page.getByTestId('team-input-save').click();
    await expect.poll(() => page.getByTestId('team-input-list').textContent()).toContain('Share the call script');
    expect(await page.getByTestId('team-input-list').textContent()).toContain('Rep');

    await page.getByTestId('finalize').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).locator('..').textContent()).toContain('Final since');
    expect(await page.getByTestId('team-input-form').count()).toBe(0);
    await expect.poll(() => page.getByTestId('escalation-timeline').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await web.screenshot(page, '12-closing-review');

    const markdownHref = (await page.getByTestId('export-md').getAttribute('href')) ?? '';
    const htmlHref = (await page.getByTestId('export-html').getAttribute('href')) ?? '';
    // The export links work in the signed-in browser (the session cookie goes with them).
    const markdown = await page.request.get(`${web.url}${markdownHref}`);
    expect(markdown.status()).toBe(200);
    expect(await markdown.text()).toContain('Fast first deals');
    expect((await page.request.get(`${web.url}${htmlHref}`)).headers()['content-type']).toContain('text/html');
  });
});
