// The API (through web-support) is imported first on purpose: zod schemas made before
// @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { createSignInOrgChart, useWeb } from './web-support';
import { describe, expect, it } from 'vitest';
import { createProjectWithMilestone } from '../support/factories';
import { call } from '../support/http';

const web = useWeb();

/** A running project of a rep's, its milestone due in three hours, open on the rep's page. */
async function runningProjectPage() {
  const org = await createSignInOrgChart(web.system);
  const project = await createProjectWithMilestone(web.system.app, org, { dueInSeconds: 3 * 3600 });
  const page = await web.newPage(org.rep);
  await page.goto(`${web.url}/projects/${project.id}`);
  return { app: web.system.app, org, project, page };
}

type ChangeRequestRow = { subjectKind: string; subjectId: string; field: string; after: unknown; reason: string; status: string; requestedBy: string };

describe('changing and closing a running project from its page', () => {
  it('lets the owner ask for a milestone’s new target from the project page, refusing a request that says not why, and lists it as pending', async () => {
    const { app, org, project, page } = await runningProjectPage();
    const milestoneId = project.milestones[0]!.id;
    const requests = async () => (await call<ChangeRequestRow[]>(app, 'GET', `/api/projects/${project.id}/change-requests`)).body;
    await page.getByRole('button', { name: 'Request a change to First deals', exact: true }).click();
    const form = page.getByTestId('request-change-form');
    await expect.poll(() => form.textContent()).toContain('Now: Revenue target 1,000');
    await form.getByLabel('New target').fill('1500');
    await form.getByRole('button', { name: 'Send change request' }).click();
    // No reason: the contract's words by the field, and nothing sent.
    await expect.poll(() => form.getByRole('alert').or(form.locator('.field__error')).first().textContent()).toContain('must say why');
    expect(await requests()).toEqual([]);

    await form.getByLabel('Why').fill('Two large deals moved into this quarter');
    await form.getByRole('button', { name: 'Send change request' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('change-requests').textContent()).toMatch(/First deals — .*1,000 → 1,500\s*pending/);
    expect(await requests()).toEqual([
      expect.objectContaining({ subjectKind: 'milestone', subjectId: milestoneId, field: 'target', after: '1500', reason: 'Two large deals moved into this quarter', requestedBy: org.rep.id }),
    ]);
    await web.screenshot(page, 'change-request-sent');
  });

  it('asks for a new due time in the reader’s own time, and sends it as that instant', async () => {
    const { app, project, page } = await runningProjectPage();
    await page.getByRole('button', { name: 'Request a change to First deals', exact: true }).click();
    const form = page.getByTestId('request-change-form');
    // A value typed for one kind of change does not stay behind for another.
    await form.getByLabel('New target').fill('1500');
    await form.getByLabel('What changes').selectOption('due_at');
    await form.getByLabel('What changes').selectOption('target');
    expect(await form.getByLabel('New target').inputValue()).toBe('');
    await form.getByLabel('What changes').selectOption('due_at');
    await form.getByLabel('Why').fill('The customer moved the signing');
    const later = new Date(Date.now() + 5 * 3600_000);
    later.setSeconds(0, 0);
    const local = new Date(later.getTime() - later.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await form.getByLabel('New due time').fill(local);
    await form.getByRole('button', { name: 'Send change request' }).click();
    await form.waitFor({ state: 'detached' });
    const [request] = (await call<ChangeRequestRow[]>(app, 'GET', `/api/projects/${project.id}/change-requests`)).body;
    expect(request).toMatchObject({ field: 'due_at', status: 'pending' });
    expect(Date.parse(String(request!.after))).toBe(later.getTime());
  });

  it('closes a running project early as lost from its page: its closing review starts, and closing is offered no more', async () => {
    const { app, project, page } = await runningProjectPage();
    await page.getByRole('button', { name: 'Close early', exact: true }).click();
    const form = page.getByTestId('close-early-form');
    await form.getByLabel('Outcome').selectOption('lost');
    await form.getByRole('button', { name: 'Close the project' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-testid="phase-stepper"] [aria-current="step"]').textContent()).toContain('Closing review');
    expect(await page.getByRole('button', { name: 'Close early', exact: true }).count()).toBe(0);
    const detail = async () => (await call<{ phase: string; lifecycle: { outcome?: string | null } }>(app, 'GET', `/api/projects/${project.id}`)).body;
    await expect.poll(detail).toMatchObject({ phase: 'closing_review', lifecycle: { outcome: 'lost' } });
    await web.screenshot(page, 'closed-early');
  });
});
