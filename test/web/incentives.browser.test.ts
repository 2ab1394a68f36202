// The API (through support/browser) is imported first on purpose: zod schemas made before
// @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { artifactsDir, createSignInPerson, useServedApp } from '../support/browser';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { seriousAxeFindings } from '../support/axe';
import { createOrgChart, createProject, inSeconds } from '../support/factories';
import { call, created } from '../support/http';

vi.setConfig({ expect: { poll: { timeout: 20_000, interval: 200 } } });
const served = useServedApp({ worker: false, pageTimeoutMs: 20_000, failurePrefix: 'incentives-' });
const app = () => served.system.app;

describe('incentives on the sales plan page', () => {
  it('shows a rep what they earned so far and at the forecast, and the owner the team and the incentive budget line', { timeout: 180_000 }, async () => {
    const org = await createOrgChart(app());
    const owner = await createSignInPerson(app(), 'Olga Owner', { managerId: org.manager.id, role: 'manager' });
    const rep = await createSignInPerson(app(), 'Ravi Rep', { managerId: owner.id });
    const periodEnd = inSeconds(30 * 86_400);
    const project = await createProject(app(), owner.id, 'Incentives page', { periodStart: inSeconds(-86_400), periodEnd });
    const P = `/api/projects/${project.id}`;
    const goal = await created(app(), `${P}/goals`, { metric: 'revenue', unit: 'CNY', target: 100000, period: { start: inSeconds(-86_400), end: periodEnd } });
    expect((await call(app(), 'PUT', `${P}/members`, { members: [{ userId: rep.id, role: 'member' }] })).status).toBe(200);
    expect((await call(app(), 'PUT', `${P}/goals/${goal.id}/allocation`, { granularity: 'month', shares: [{ userId: rep.id, weight: 1 }] })).status).toBe(200);
    const line = await created(app(), `${P}/budget`, { category: 'Sales incentives', planned: '20000' });
    const rules = await call(app(), 'PUT', `${P}/incentives/rules`, { budgetLineId: line.id, commission: { tiers: [{ fromPct: 0, toPct: 100, rate: '0.03' }, { fromPct: 100, toPct: null, rate: '0.05' }] } });
    expect(rules.status, JSON.stringify(rules.body)).toBe(200);
    expect((await call(app(), 'POST', `${P}/kpi-reports`, { metric: 'revenue', value: '50000' }, { as: rep })).status).toBe(201);

    const repPage = await served.signedInPage(rep);
    await repPage.goto(`${served.url}/projects/${project.id}/sales-plan`);
    const mine = repPage.getByTestId('my-incentive');
    await mine.waitFor();
    // 3 % of 50,000.
    await expect.poll(() => repPage.getByTestId('earned-so-far').textContent()).toBe('1,500');
    expect(await repPage.getByTestId('team-incentives').count()).toBe(0);
    expect(await repPage.getByTestId('incentive-rules').count()).toBe(0);
    expect(await seriousAxeFindings(repPage)).toEqual([]);
    await repPage.screenshot({ path: path.join(artifactsDir, 'incentives-rep.png') });

    const ownerPage = await served.signedInPage(owner);
    await ownerPage.goto(`${served.url}/projects/${project.id}/sales-plan`);
    const team = ownerPage.getByTestId('team-incentives');
    await team.waitFor();
    expect(await team.getByRole('row', { name: /Ravi Rep/ }).textContent()).toContain('1,500');
    expect(await ownerPage.getByTestId('incentive-budget').textContent()).toContain('Sales incentives');
    // A gap between tiers is refused on the field that has it.
    const form = ownerPage.getByTestId('incentive-rules');
    await form.getByLabel('From %').nth(1).fill('110');
    await form.getByRole('button', { name: 'Save the rules' }).click();
    await expect.poll(() => form.textContent()).toContain('tiers may not overlap or leave a gap');
    expect(await seriousAxeFindings(ownerPage)).toEqual([]);
    await ownerPage.screenshot({ path: path.join(artifactsDir, 'incentives-owner.png') });
  });
});
