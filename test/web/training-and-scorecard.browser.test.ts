// The API (through web-support) is imported first on purpose: zod schemas made before
// @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { createSignInOrgChart, useWeb } from './web-support';
import { describe, expect, it } from 'vitest';
import { createSignInPerson } from '../support/browser';
import { createProject, inSeconds } from '../support/factories';
import { call } from '../support/http';

const web = useWeb();
const DAY_S = 86_400;

describe('training and the scorecard on the sales plan page', () => {
  it('shows the owner the team’s training and the ranking by score; a rep sees only their own training and marks it completed', async () => {
    const { app } = web.system;
    const org = await createSignInOrgChart(web.system);
    const colleague = await createSignInPerson(app, 'Colleague', { role: 'member', managerId: org.manager.id });
    const period = { start: inSeconds(-DAY_S), end: inSeconds(30 * DAY_S) };
    const p = await createProject<{ id: string }>(app, org.manager.id, 'Plan page', { periodStart: period.start, periodEnd: period.end });
    const P = `/api/projects/${p.id}`;
    expect((await call(app, 'PUT', `${P}/members`, { members: [org.rep, colleague].map((u) => ({ userId: u.id, role: 'member' })) })).status).toBe(200);
    expect((await call(app, 'POST', `${P}/goals`, { metric: 'revenue', unit: 'CNY', direction: 'at_least', baseline: null, target: 1000, period })).status).toBe(201);
    const mine = await call(app, 'POST', `${P}/training`, { topic: 'Discovery calls', kind: 'internal', trainerId: org.manager.id, date: inSeconds(2 * DAY_S), attendeeIds: [org.rep.id] });
    expect(mine.status).toBe(201);
    expect((await call(app, 'POST', `${P}/training`, { topic: 'Key accounts', kind: 'mentoring', trainerName: 'Ms. Zhou', date: inSeconds(3 * DAY_S), attendeeIds: [colleague.id] })).status).toBe(201);
    expect((await call(app, 'PUT', `${P}/scorecard`, { dimensions: [{ key: 'revenue', weightPct: 60, capPct: 120 }, { key: 'training', weightPct: 40, capPct: 100 }] })).status).toBe(200);

    const owner = await web.newPage(org.manager);
    await owner.goto(`${web.url}/projects/${p.id}/sales-plan`);
    const training = owner.getByTestId('training-section');
    await expect.poll(() => training.textContent()).toMatch(/Discovery calls[\s\S]*Key accounts/);
    const ranking = owner.getByTestId('scorecard-ranking');
    await expect.poll(() => ranking.locator('tbody tr').count()).toBe(3);
    await web.screenshot(owner, 'sales-plan-training-and-scorecard');

    const rep = await web.newPage(org.rep);
    await rep.goto(`${web.url}/projects/${p.id}/sales-plan`);
    const own = rep.getByTestId('training-section');
    await expect.poll(() => own.textContent()).toMatch(/My training[\s\S]*Discovery calls/);
    expect(await own.textContent()).not.toMatch(/Key accounts/);
    await own.getByRole('button', { name: 'Mark completed' }).click();
    await expect.poll(() => own.textContent()).toMatch(/Rep: completed/);
    const item = (await call(app, 'GET', `${P}/training/${mine.body.id}`)).body;
    expect(item.attendees[0].completedAt).not.toBeNull();
  });
});
