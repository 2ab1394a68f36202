// The API (through support/browser) is imported before anything that makes zod schemas.
import { createSignInOrgChart, useWeb, type SignInOrgChart } from './web-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSignInPerson, type SignInPerson } from '../support/browser';
import { allocateByWeights } from '../support/sales-plan';
import { call } from '../support/http';
import { englishLeftOn } from '../support/i18n-page';

const web = useWeb();
const DAY_MS = 86_400_000;

let org: SignInOrgChart;
let colleague: SignInPerson;
let projectId: string;
let goalId: string;

beforeAll(async () => {
  const { app, db } = web.system;
  org = await createSignInOrgChart(web.system);
  colleague = await createSignInPerson(app, 'Colleague', { role: 'member', managerId: org.manager.id });
  // Twenty days into sixty, a revenue goal of 6,000 held half by the rep and half by a colleague.
  const period = { start: new Date(Date.now() - 20 * DAY_MS).toISOString(), end: new Date(Date.now() + 40 * DAY_MS).toISOString() };
  const created = await call(app, 'POST', '/api/projects', { name: `Forecast ${Date.now()}`, ownerId: org.manager.id, periodStart: period.start, periodEnd: period.end, milestones: [] });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  projectId = created.body.id;
  const members = await call(app, 'PUT', `/api/projects/${projectId}/members`, { members: [org.rep, colleague].map((p) => ({ userId: p.id, role: 'member' })) });
  expect(members.status, JSON.stringify(members.body)).toBe(200);
  const goal = await call(app, 'POST', `/api/projects/${projectId}/goals`, { metric: 'revenue', unit: 'CNY', target: 6000, period });
  expect(goal.status, JSON.stringify(goal.body)).toBe(201);
  goalId = goal.body.id;
  await allocateByWeights(db, { projectId, goalId, members: [org.rep, colleague] });
  const reported = await call(app, 'POST', `/api/projects/${projectId}/kpi-reports`, { metric: 'revenue', value: 500 }, { as: org.rep });
  expect(reported.status, JSON.stringify(reported.body)).toBe(201);
});

describe('the forecast on the sales plan page', () => {
  it('shows the manager every goal and allocation with its forecast, range and method, and the goal chart on the dashboard', { timeout: 180_000 }, async () => {
    const page = await web.newPage(org.manager);
    await page.goto(`${web.url}/projects/${projectId}/sales-plan`);
    const card = page.getByTestId('forecast');
    await card.getByTestId(`forecast-goal-${goalId}`).waitFor();
    expect(await card.getByTestId('forecast-scope').textContent()).toBe('The whole team.');
    await expect.poll(() => card.locator('tbody tr').count()).toBe(3);
    const mine = card.getByTestId(`forecast-allocation-${goalId}:user:${org.rep.id}`);
    expect(await mine.textContent()).toContain('Pace against plan');
    expect(await mine.textContent()).toMatch(/500 CNY reached of .* CNY planned by now: pace /);
    // The charts draw once their container is measured.
    await expect.poll(() => card.getByRole('figure').count()).toBe(3);
    await web.screenshot(page, 'forecast-manager');

    await page.goto(`${web.url}/projects/${projectId}`);
    await page.getByTestId(`goal-${goalId}`).getByTestId('goal-forecast').waitFor();
    expect(await page.getByTestId(`goal-${goalId}`).getByTestId('goal-forecast').textContent()).toMatch(/^Forecast at the end .* of plan\)$/);
  });

  it('shows a rep with a quota only their own forecast, in Chinese with no English left', { timeout: 180_000 }, async () => {
    const page = await web.newPage(org.rep, { locale: 'zh-CN' });
    await page.goto(`${web.url}/projects/${projectId}/sales-plan`);
    const card = page.getByTestId('forecast');
    await card.getByTestId(`forecast-allocation-${goalId}:user:${org.rep.id}`).waitFor();
    // The row names its person once the people list is in (a short id until then).
    await expect.poll(() => card.getByTestId(`forecast-allocation-${goalId}:user:${org.rep.id}`).textContent()).toContain(org.rep.name);
    expect(await card.getByTestId('forecast-scope').textContent()).toBe('你自己的指标和里程碑。');
    expect(await card.locator('tbody tr').count()).toBe(1);
    expect(await englishLeftOn(page, [org.rep.name, colleague.name, org.manager.name], '[data-testid="forecast"]')).toEqual([]);
    await web.screenshot(page, 'forecast-rep-zh-CN');
  });
});
