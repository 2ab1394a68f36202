// The API (through web-support) is imported first on purpose: zod schemas made before
// @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { createSignInOrgChart, useWeb, type SignInOrgChart } from './web-support';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../support/axe';
import { createSignInPerson, type SignInPerson } from '../support/browser';
import { call } from '../support/http';

const web = useWeb();
const DAY_MS = 86_400_000;

let org: SignInOrgChart;
let colleague: SignInPerson;
let projectId: string;
let goalId: string;

/**
 * One project with every part of its sales plan: a revenue goal of 6,000 shared 1:1 by the rep and a
 * colleague, the funnel, commission rules, a training item for each, and what each has sold.
 */
beforeAll(async () => {
  const { app } = web.system;
  org = await createSignInOrgChart(web.system);
  colleague = await createSignInPerson(app, 'Colleague Chen', { role: 'member', managerId: org.manager.id });
  const period = { start: new Date(Date.now() - 20 * DAY_MS).toISOString(), end: new Date(Date.now() + 40 * DAY_MS).toISOString() };
  const created = await call(app, 'POST', '/api/projects', { name: `Whole plan ${Date.now()}`, ownerId: org.manager.id, periodStart: period.start, periodEnd: period.end, milestones: [] });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  projectId = created.body.id;
  const P = `/api/projects/${projectId}`;
  const ok = async (method: string, path: string, body: unknown, expected: number, as = org.manager) => {
    const res = await call(app, method, `${P}${path}`, body, { as });
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(expected);
    return res.body;
  };
  await ok('PUT', '/members', { members: [org.rep, colleague].map((p) => ({ userId: p.id, role: 'member' })) }, 200);
  goalId = (await ok('POST', '/goals', { metric: 'revenue', unit: 'CNY', target: 6000, period }, 201)).id;
  await ok('PUT', `/goals/${goalId}/allocation`, { granularity: 'month', shares: [org.rep, colleague].map((p) => ({ userId: p.id, weight: 1 })) }, 200);
  await ok('PUT', '/funnel', { averageDeal: 500, stages: [{ key: 'qualified_leads', conversionRate: '0.25' }, { key: 'contracts' }] }, 200);
  await ok('PUT', '/incentives/rules', { commission: { tiers: [{ fromPct: 0, toPct: 100, rate: '0.03' }, { fromPct: 100, toPct: null, rate: '0.05' }] } }, 200);
  await ok('POST', '/training', { topic: 'Discovery calls', kind: 'internal', trainerId: org.manager.id, date: new Date(Date.now() + 2 * DAY_MS).toISOString(), attendeeIds: [org.rep.id] }, 201);
  await ok('POST', '/training', { topic: 'Key accounts', kind: 'mentoring', trainerName: 'Ms. Zhou', date: new Date(Date.now() + 3 * DAY_MS).toISOString(), attendeeIds: [colleague.id] }, 201);
  await ok('POST', '/kpi-reports', { metric: 'revenue', value: 500 }, 201, org.rep);
  await ok('POST', '/kpi-reports', { metric: 'revenue', value: 300 }, 201, colleague);
});

async function openSalesPlan(person: SignInPerson): Promise<Page> {
  const page = await web.newPage(person);
  await page.goto(`${web.url}/projects/${projectId}/sales-plan`);
  await page.getByTestId('forecast').getByTestId(`forecast-goal-${goalId}`).or(page.getByTestId(`forecast-allocation-${goalId}:user:${person.id}`)).first().waitFor();
  return page;
}

describe('a project’s sales plan page', () => {
  it('shows a rep their own quota, funnel, forecast, incentive and training, and nobody else’s', { timeout: 180_000 }, async () => {
    const page = await openSalesPlan(org.rep);

    const quota = page.getByTestId('quota-section');
    await expect.poll(() => quota.getByTestId(`quota-row-${org.rep.id}`).count()).toBe(1);
    expect(await quota.getByTestId(`quota-row-${colleague.id}`).count()).toBe(0);
    expect(await quota.getByTestId(`quota-row-${org.rep.id}`).locator('td').first().textContent()).toBe('3,000');

    const funnel = page.getByTestId('funnel-members');
    await expect.poll(() => funnel.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining(org.rep.name)]);

    const forecast = page.getByTestId('forecast');
    expect(await forecast.getByTestId('forecast-scope').textContent()).toBe('Your own quota and milestones.');
    // Their share of the goal and their own milestones, not the goal or the colleague's share.
    expect(await forecast.getByTestId(`forecast-goal-${goalId}`).count()).toBe(0);
    expect(await forecast.getByTestId(`forecast-allocation-${goalId}:user:${colleague.id}`).count()).toBe(0);
    expect(await forecast.getByTestId(`forecast-allocation-${goalId}:user:${org.rep.id}`).textContent()).toContain('500 CNY reached');

    // 3 % of the 500 they sold.
    await expect.poll(() => page.getByTestId('earned-so-far').textContent()).toBe('15');
    expect(await page.getByTestId('team-incentives').count()).toBe(0);

    const training = page.getByTestId('training-section');
    await expect.poll(() => training.textContent()).toMatch(/My training[\s\S]*Discovery calls/);
    expect(await training.textContent()).not.toContain('Key accounts');

    expect(await page.locator('body').textContent()).not.toContain(colleague.name);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await web.screenshot(page, 'sales-plan-rep');
  });

  it('shows their manager the whole team in every part', { timeout: 180_000 }, async () => {
    const page = await openSalesPlan(org.manager);

    const quota = page.getByTestId('quota-section');
    await expect.poll(() => quota.getByTestId(`quota-row-${colleague.id}`).count()).toBe(1);
    expect(await quota.getByTestId(`quota-row-${org.rep.id}`).count()).toBe(1);

    const funnel = page.getByTestId('funnel-members');
    await expect.poll(() => funnel.locator('tbody tr').count()).toBe(2);

    const forecast = page.getByTestId('forecast');
    expect(await forecast.getByTestId('forecast-scope').textContent()).toBe('The whole team.');
    expect(await forecast.getByTestId(`forecast-allocation-${goalId}:user:${colleague.id}`).textContent()).toContain('300 CNY reached');

    const team = page.getByTestId('team-incentives');
    await expect.poll(() => team.getByRole('row', { name: new RegExp(org.rep.name) }).textContent()).toContain('15');
    expect(await team.getByRole('row', { name: new RegExp(colleague.name) }).textContent()).toContain('9');

    const training = page.getByTestId('training-section');
    await expect.poll(() => training.textContent()).toMatch(/Discovery calls[\s\S]*Key accounts|Key accounts[\s\S]*Discovery calls/);

    expect(await seriousAxeFindings(page)).toEqual([]);
    await web.screenshot(page, 'sales-plan-manager');
  });
});
