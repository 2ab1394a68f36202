import { describe, expect, it } from 'vitest';
import { insertKpiReport } from '../../db/queries/kpi-reports';
import { Dec } from '../../workflows/domain/decimal';
import { call } from '../support/http';
import { createPlanProject, createUser, planCounts, revenueGoal2027, setPhase, year2027 } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

/** One past 2^53: the first integer a JavaScript number cannot hold. */
const beyond53 = '9007199254740993';

async function projectWithGoal(target: string | number = '5000000') {
  const owner = await createUser(system.app, 'Owner');
  const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2027 });
  const goal = await call(system.app, 'POST', `/api/projects/${project.id}/goals`, { ...revenueGoal2027, target }, { as: owner });
  expect(goal.status, JSON.stringify(goal.body)).toBe(201);
  return { owner, project, goal: goal.body as { id: string; target: string } };
}

/** Sends `body` as written, so a JSON number keeps every digit on the wire. */
const raw = (fields: Record<string, string>): string =>
  `{${Object.entries(fields)
    .map(([key, value]) => `${JSON.stringify(key)}:${value}`)
    .join(',')}}`;

describe('money and KPI values stay exact end to end', () => {
  it('stores and reads back 9007199254740993 given as text, for a goal target, a budget amount and a KPI value', async () => {
    const { owner, project, goal } = await projectWithGoal(beyond53);
    expect(goal.target).toBe(beyond53);
    const goals = await call(system.app, 'GET', `/api/projects/${project.id}/goals`, undefined, { as: owner });
    expect(goals.body.map((g: { target: string }) => g.target)).toEqual([beyond53]);

    const line = await call(system.app, 'POST', `/api/projects/${project.id}/budget`, { category: 'Ads', planned: beyond53, spent: '0.00000001' }, { as: owner });
    expect(line.status, JSON.stringify(line.body)).toBe(201);
    expect(line.body).toMatchObject({ planned: beyond53, spent: '0.00000001' });
    const budget = await call(system.app, 'GET', `/api/projects/${project.id}/budget`, undefined, { as: owner });
    expect(budget.body.lines[0]).toMatchObject({ planned: beyond53, spent: '0.00000001' });

    await setPhase(system.db, project.id, 'execution');
    const report = await call(system.app, 'POST', `/api/projects/${project.id}/kpi-reports`, { metric: 'revenue', value: beyond53 }, { as: owner });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    expect(report.body.value).toBe(beyond53);
    const stored = await system.db.selectFrom('kpi_reports').select('value').where('id', '=', report.body.id).executeTakeFirstOrThrow();
    expect(stored.value).toBe(beyond53);
  });

  it.each([
    ['9007199254740993, which reads as …992', beyond53],
    ['2^63', '9223372036854775808'],
    ['1e-400, which reads as 0', '1e-400'],
    ['1e400, which reads as Infinity', '1e400'],
  ])('refuses %s as a JSON number with 400 naming the field, and stores nothing', async (_what, number) => {
    const { owner, project } = await projectWithGoal();
    await setPhase(system.db, project.id, 'execution');
    const before = await planCounts(system.db, project.id);
    const report = await call(system.app, 'POST', `/api/projects/${project.id}/kpi-reports`, raw({ metric: '"revenue"', value: number }), { as: owner });
    expect(report.status, JSON.stringify(report.body)).toBe(400);
    expect(report.body.error.details).toEqual([{ path: 'value', message: expect.stringContaining(`is ${number}, which a JSON number cannot hold exactly`) }]);
    const line = await call(system.app, 'POST', `/api/projects/${project.id}/budget`, raw({ category: '"Ads"', planned: number }), { as: owner });
    expect(line.status).toBe(400);
    expect(line.body.error.details.map((d: { path: string }) => d.path)).toEqual(['planned']);
    const goal = await call(system.app, 'POST', `/api/projects/${project.id}/goals`, raw({ metric: '"revenue"', unit: '"CNY"', target: number, period: JSON.stringify(revenueGoal2027.period) }), { as: owner });
    expect(goal.status).toBe(400);
    expect(goal.body.error.details.map((d: { path: string }) => d.path)).toEqual(['target']);
    expect(await planCounts(system.db, project.id)).toEqual(before);
  });

  it('takes a JSON number that is exactly what was written, such as 0.1 or 2^53', async () => {
    const { owner, project } = await projectWithGoal();
    const line = await call(system.app, 'POST', `/api/projects/${project.id}/budget`, raw({ category: '"Ads"', planned: '9007199254740992', spent: '0.1' }), { as: owner });
    expect(line.status, JSON.stringify(line.body)).toBe(201);
    expect(line.body).toMatchObject({ planned: '9007199254740992', spent: '0.1' });
  });

  it.each([
    ['more decimal places than are kept', '"1.123456789"', 'has 9 decimal places; at most 8 are kept exactly'],
    ['more than 20 digits before the point', '"123456789012345678901"', 'has more than 20 digits before the decimal point'],
    ['NaN as text', '"NaN"', 'must be a decimal number, e.g. 1250000 or "1250000.50"'],
    ['an exponent as text', '"1e-400"', 'must be a decimal number, e.g. 1250000 or "1250000.50"'],
  ])('refuses a value with %s, naming the field with a sentence', async (_what, value, message) => {
    const { owner, project } = await projectWithGoal();
    const line = await call(system.app, 'POST', `/api/projects/${project.id}/budget`, raw({ category: '"Ads"', planned: value }), { as: owner });
    expect(line.status, JSON.stringify(line.body)).toBe(400);
    expect(line.body.error.details).toEqual([{ path: 'planned', message }]);
  });

  it('splits a target of 123456789.12345678 into months whose parts sum exactly to it', async () => {
    const total = '123456789.12345678';
    const { owner, project, goal } = await projectWithGoal(total);
    expect(goal.target).toBe(total);
    const months = await call(system.app, 'POST', `/api/projects/${project.id}/decomposition/preview`, { goalId: goal.id, granularity: 'month', scale: 8 }, { as: owner });
    expect(months.status, JSON.stringify(months.body)).toBe(200);
    const parts: { amount: string; cumulative: string }[] = months.body.parts;
    expect(parts).toHaveLength(12);
    expect(parts.reduce((sum, part) => sum.plus(part.amount), new Dec(0)).eq(total)).toBe(true);
    expect(new Dec(parts.at(-1)!.cumulative).eq(total)).toBe(true);
    expect(parts[0]?.amount).toBe('10288065.76028807');
  });

  it('judges a goal one unit short of a 17-digit target as not met, where JavaScript numbers would round both to the same value', async () => {
    // Both round to the same JavaScript number, 90071992547409920.
    const target = '90071992547409930';
    const oneShort = '90071992547409929';
    const { owner, project } = await projectWithGoal(target);
    await setPhase(system.db, project.id, 'execution');
    // Dated inside the 2027 goal, which the API takes only once that day has come: written as the
    // report route writes it (its exact text through the API is the first test's).
    await insertKpiReport(system.db, { projectId: project.id, metric: 'revenue', value: oneShort, reportedAt: new Date('2027-12-31T12:00:00+08:00'), reporterId: owner.id });
    const dashboard = await call(system.app, 'GET', `/api/projects/${project.id}/dashboard?at=${encodeURIComponent('2028-01-01T00:00:00+08:00')}`, undefined, { as: owner });
    expect(dashboard.status, JSON.stringify(dashboard.body)).toBe(200);
    expect(dashboard.body.goals[0]).toMatchObject({ target, actual: oneShort, met: false });
  });
});
