// The API (through web-support) is imported first on purpose: zod schemas made before
// @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { createSignInOrgChart, pendingRequest, useWeb } from './web-support';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../support/axe';
import { createSignInPerson } from '../support/browser';
import { createProjectWithMilestone } from '../support/factories';
import { call, untilPassed } from '../support/http';

const web = useWeb();

/** A moment as a `datetime-local` input with seconds holds it, in the page's own time zone. */
const localInput = (page: Page, ms: number) =>
  page.evaluate((at) => {
    const d = new Date(at);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  }, ms);

describe('an absence and its deputy', () => {
  it('sends an escalation raised while the manager is away to the deputy, who acknowledges it on their behalf; afterwards requests reach the manager again', async () => {
    const { app, db } = web.system;
    const org = await createSignInOrgChart(web.system);
    const deputy = await createSignInPerson(app, 'Deputy', { role: 'manager', managerId: org.director.id });

    // The manager is away from a minute ago until half a minute from now, with the deputy standing in.
    const manager = await web.newPage(org.manager);
    await manager.goto(`${web.url}/account`);
    const form = manager.getByTestId('absence-form');
    await expect.poll(() => manager.getByTestId('no-absence').isVisible()).toBe(true);
    const endsAt = Math.floor((Date.now() + 30_000) / 1000) * 1000;
    await form.getByTestId('absence-from').fill(await localInput(manager, Date.now() - 60_000));
    await form.getByTestId('absence-until').fill(await localInput(manager, endsAt));
    await form.getByTestId('absence-deputy').selectOption(deputy.id);
    expect(await seriousAxeFindings(manager)).toEqual([]);
    await form.getByTestId('save-absence').click();
    await expect.poll(() => manager.getByTestId('absence-now').textContent()).toMatch(/Away now from .* until .*; Deputy stands in\. Set by Manager\./);
    expect(await seriousAxeFindings(manager)).toEqual([]);
    await web.screenshot(manager, 'absence-set');

    // The rep's milestone is missed during the absence: the escalation to the manager goes to the deputy.
    const project = await createProjectWithMilestone(app, org, { dueInSeconds: 2, ackTimeoutSeconds: 120 });
    const requestId = await pendingRequest(web.system, deputy.id, 'acknowledgement');
    expect(Date.now()).toBeLessThan(endsAt);
    const page = await web.newPage(deputy);
    await page.goto(`${web.url}/inbox`);
    const item = page.getByTestId('inbox-item').filter({ has: page.getByTestId('acknowledge') });
    await item.waitFor();
    expect(await item.getByTestId('on-behalf-of').textContent()).toMatch(/^ On behalf of Manager — assigned to Deputy on behalf of Manager \(Manager is absent until .* UTC\)$/);

    // Handing it on offers only who may take it; the dialog is accessible, and Cancel sends nothing.
    await item.getByTestId('delegate').click();
    const dialog = page.getByTestId('delegate-dialog');
    await expect.poll(() => dialog.getByTestId('delegate-to').locator('option').count()).toBeGreaterThan(1);
    const offered = await dialog.getByTestId('delegate-to').locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toContain(org.director.id);
    expect(offered).not.toContain(deputy.id);
    expect(offered).not.toContain(org.manager.id);
    await dialog.getByRole('button', { name: 'Hand it on' }).click();
    await expect.poll(() => dialog.locator('.field__error').allTextContents()).toEqual(['is required to delegate', 'handing a request on needs a reason']);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await web.screenshot(page, 'absence-delegate-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await item.getByTestId('acknowledge').click();
    await page.getByTestId('inbox-empty').waitFor();
    const detail = await call<{ escalations: { recipientId: string; acknowledgedBy: string | null }[] }>(app, 'GET', `/api/projects/${project.id}`);
    expect(detail.body.escalations).toEqual([expect.objectContaining({ recipientId: org.manager.id, acknowledgedBy: deputy.id })]);

    // The run history names both: who acknowledged, and on whose behalf, and why.
    const run = await db
      .selectFrom('approval_requests as a')
      .innerJoin('flow_runs as r', 'r.id', 'a.flowRunId')
      .innerJoin('flow_versions as v', 'v.id', 'r.flowVersionId')
      .select(['r.id as runId', 'v.flowId', 'v.version'])
      .where('a.id', '=', requestId)
      .executeTakeFirstOrThrow();
    await manager.goto(`${web.url}/flows/${run.flowId}/versions/${run.version}?run=${run.runId}`);
    await expect.poll(() => manager.getByTestId('run-decisions').textContent()).toMatch(/Deputy acknowledged .* — assigned to Deputy on behalf of Manager \(Manager is absent until .* UTC\)/);
    await web.screenshot(manager, 'absence-run-history');

    // Once the absence is over, a new escalation reaches the manager again, as their own.
    await untilPassed(endsAt);
    await createProjectWithMilestone(app, org, { dueInSeconds: 2, ackTimeoutSeconds: 120 });
    await pendingRequest(web.system, org.manager.id, 'acknowledgement');
    await manager.goto(`${web.url}/inbox`);
    const own = manager.getByTestId('inbox-item').filter({ has: manager.getByTestId('acknowledge') });
    await own.waitFor();
    expect(await own.getByTestId('on-behalf-of').count()).toBe(0);
    const pendingForDeputy = await call<unknown[]>(app, 'GET', `/api/users/${deputy.id}/approvals?status=pending`, undefined, { as: deputy });
    expect(pendingForDeputy.body).toEqual([]);
  });

  it('lets a manager set an absence for someone who reports to them, and puts each refusal beside its field', async () => {
    const { app } = web.system;
    const org = await createSignInOrgChart(web.system);
    const colleague = await createSignInPerson(app, 'Colleague', { role: 'member', managerId: org.manager.id });
    // The colleague is away with the rep as deputy, so the rep naming the colleague would close a loop.
    const set = await call(app, 'PUT', `/api/users/${colleague.id}/absence`, { startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 86_400_000).toISOString(), deputyId: org.rep.id }, { as: colleague });
    expect(set.status, JSON.stringify(set.body)).toBe(200);

    const page = await web.newPage(org.manager);
    await page.goto(`${web.url}/account`);
    await page.getByTestId('absence-whose').selectOption(org.rep.id);
    await expect.poll(() => page.getByTestId('no-absence').isVisible()).toBe(true);
    const form = page.getByTestId('absence-form');
    const from = Date.now() + 3_600_000;
    await form.getByTestId('absence-from').fill(await localInput(page, from));
    await form.getByTestId('absence-until').fill(await localInput(page, from - 60_000));
    await form.getByTestId('absence-deputy').selectOption(colleague.id);
    await form.getByTestId('save-absence').click();
    await expect.poll(() => form.locator('.field--problem .field__error').allTextContents()).toEqual(['must be after the start (startsAt)']);
    expect(await form.getByTestId('absence-until').getAttribute('aria-invalid')).toBe('true');

    await form.getByTestId('absence-until').fill(await localInput(page, from + 86_400_000));
    await form.getByTestId('save-absence').click();
    await expect.poll(() => form.locator('.field--problem .field__error').allTextContents()).toEqual([expect.stringContaining('Rep → Colleague → Rep; this would make a loop')]);
    expect(await form.getByTestId('absence-deputy').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await web.screenshot(page, 'absence-loop-refused');

    await form.getByTestId('absence-deputy').selectOption(org.director.id);
    await form.getByTestId('save-absence').click();
    await expect.poll(() => page.getByTestId('absence-now').textContent()).toMatch(/^Away from .* until .*; Director stands in\. Set by Manager\./);
    const stored = await call(app, 'GET', `/api/users/${org.rep.id}/absence`);
    expect(stored.body.absence).toMatchObject({ deputy: { id: org.director.id }, setBy: { id: org.manager.id }, current: false });
  });
});
