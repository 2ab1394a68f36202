// The API (through support/browser) is imported first on purpose: zod schemas made before
// @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { artifactsDir, createSignInPerson, useServedApp } from '../support/browser';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { seriousAxeFindings } from '../support/axe';
import { approveAtOnce, bind, createOrgChart, createProject, publishFlow, startExecution } from '../support/factories';
import { call } from '../support/http';

vi.setConfig({ expect: { poll: { timeout: 20_000, interval: 200 } } });
const served = useServedApp({ worker: true, pageTimeoutMs: 20_000, failurePrefix: 'basics-' });
const app = () => served.system.app;

const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(artifactsDir, `basics-${name}.png`) });

const DAY_MS = 86_400_000;

/** 12:00 in Shanghai (the default calendar's zone) on the first Wednesday at least ten days ahead. */
function wednesdayNoon(): Date {
  const day = new Date(Date.now() + 10 * DAY_MS);
  day.setUTCHours(4, 0, 0, 0);
  while (day.getUTCDay() !== 3) day.setTime(day.getTime() + DAY_MS);
  return day;
}

describe("a running project's basics", () => {
  it('lets the owner rename a running project and give it a holiday, shows the at-risk check the holiday moves before the change request goes, and the lifecycle timer is at the new time once it is approved', { timeout: 240_000 }, async () => {
    // Setup, through the API: a project in execution owned by Rita, whose milestone warns one
    // business day before it is due (Tuesday noon for a Wednesday noon due time); changes are
    // approved at once by a flow bound to this project.
    const org = await createOrgChart(app());
    const owner = await createSignInPerson(app(), 'Rita Owner', { managerId: org.manager.id });
    const dueAt = wednesdayNoon();
    const tuesday = new Date(dueAt.getTime() - DAY_MS);
    const monday = new Date(dueAt.getTime() - 2 * DAY_MS);
    const project = await createProject<{ id: string; name: string; milestones: { id: string }[] }>(app(), owner.id, 'Basics in the browser', {
      periodEnd: new Date(dueAt.getTime() + 20 * DAY_MS).toISOString(),
      milestones: [{ name: 'Pilot signed', dueAt: dueAt.toISOString(), metric: 'revenue', targetValue: 1000, ownerId: owner.id, warningOffset: { amount: 1, unit: 'business_days' } }],
    });
    const milestoneId = project.milestones[0]!.id;
    await startExecution(app(), project.id, owner);
    await bind(app(), 'change_requested', project.id, await publishFlow(app(), approveAtOnce('change_requested')));
    const warningAt = async () => {
      const res = await call(app(), 'GET', `/api/projects/${project.id}`);
      return res.body.lifecycle.nextChecks.find((check: { kind: string }) => check.kind === 'warning')?.at;
    };
    await expect.poll(warningAt).toBe(tuesday.toISOString());

    // From here on, only what the owner does in the web app.
    const page = await served.signedInPage(owner);
    await page.goto(`${served.url}/projects/${project.id}`);
    await page.getByRole('button', { name: 'Edit basics' }).click();
    const form = page.getByTestId('basics-form');
    await form.waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);

    const newName = `${project.name} (renewed)`;
    await form.getByLabel('Name', { exact: true }).fill(newName);
    await form.getByRole('textbox', { name: 'Holidays (optional)' }).fill(tuesday.toISOString().slice(0, 10));
    // A timer change of a running project needs a reason, asked for at the field.
    await form.getByRole('button', { name: 'Preview the moved timers' }).click();
    const reason = form.getByLabel('Why the timers move');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field--problem .field__error').allTextContents()).toEqual(['must say why']);
    await reason.fill('The customer is closed that Tuesday');
    await form.getByRole('button', { name: 'Preview the moved timers' }).click();

    // The change request's preview: the at-risk check moves from Tuesday noon to Monday noon.
    const preview = page.getByTestId('basics-preview');
    await preview.waitFor();
    const moves = await preview.getByTestId('moved-timer').allTextContents();
    expect(moves).toHaveLength(1);
    expect(moves[0]).toContain('At-risk check · Pilot signed');
    const shown = await page.evaluate(
      ([from, to]) => [from, to].map((at) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at!))),
      [tuesday.toISOString(), monday.toISOString()],
    );
    expect(await preview.locator('td').allTextContents()).toEqual([expect.stringContaining('At-risk check'), shown[0], shown[1]]);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, '1-preview');
    // What the approvers see is the same preview.
    const apiPreview = await call(app(), 'POST', `/api/projects/${project.id}/change-requests/preview`, {
      subjectKind: 'project', subjectId: project.id, field: 'calendar', after: { holidays: [tuesday.toISOString().slice(0, 10)] }, reason: 'check',
    }, { as: owner });
    expect(apiPreview.body).toEqual([{ milestoneId, milestoneName: 'Pilot signed', kind: 'warning', from: tuesday.toISOString(), to: monday.toISOString() }]);

    await preview.getByRole('button', { name: 'Send change request' }).click();
    // The name changed at once; the calendar went out as a change request, approved by its flow.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(newName);
    const requests = page.getByTestId('change-requests');
    await expect
      .poll(async () => {
        await page.reload();
        await requests.waitFor();
        return requests.locator('li').allTextContents();
      })
      .toEqual([expect.stringMatching(/^Project — business calendar .* → .*1 holiday.*approved/)]);
    await screenshot(page, '2-approved');

    // The lifecycle's timer is at the new time, and the project keeps the new calendar.
    await expect.poll(warningAt).toBe(monday.toISOString());
    const after = await call(app(), 'GET', `/api/projects/${project.id}`);
    expect(after.body.name).toBe(newName);
    expect(after.body.basics.calendar.holidays).toEqual([tuesday.toISOString().slice(0, 10)]);
  });
});
