import { describe, expect, it } from 'vitest';
import type { ProjectForecasts, SubjectForecast } from '../../api/contract/forecasts';
import { call } from '../support/http';
import { allocateByWeights, createPlanProject, createUser, revenueGoal2027, year2027 } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

/**
 * 2027 in Shanghai: a revenue goal of 6,000,000 decomposed into quarters weighted 1/1/1/3 (1M, 1M,
 * 1M, 3M), held half by the rep and half by a colleague; the rep sold 900,000 in Q1 and 1,100,000
 * in Q2, the colleague nothing.
 */
async function q4WeightedYear() {
  const owner = await createUser(system.app, 'Owner');
  const rep = await createUser(system.app, 'Rep');
  const colleague = await createUser(system.app, 'Colleague');
  const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2027 });
  const goal = await call(system.app, 'POST', `/api/projects/${project.id}/goals`, { ...revenueGoal2027, target: 6_000_000 });
  expect(goal.status, JSON.stringify(goal.body)).toBe(201);
  const applied = await call(system.app, 'POST', `/api/projects/${project.id}/decomposition/apply`, { goalId: goal.body.id, granularity: 'quarter', weights: [1, 1, 1, 3], ownerId: owner.id });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  await allocateByWeights(system.db, { projectId: project.id, goalId: goal.body.id, members: [rep, colleague], granularity: 'quarter', periodWeights: [1, 1, 1, 3], timeZone: 'Asia/Shanghai' });
  // Reports of a year still to come are written as the test's data, straight to the table.
  await system.db
    .insertInto('kpi_reports')
    .values([
      { projectId: project.id, metric: 'revenue', value: '900000', reportedAt: '2027-02-10T10:00:00+08:00', reporterId: rep.id },
      { projectId: project.id, metric: 'revenue', value: '1100000', reportedAt: '2027-05-10T10:00:00+08:00', reporterId: rep.id },
    ])
    .execute();
  const milestones = applied.body.milestones as { id: string; name: string }[];
  return { project, goalId: goal.body.id as string, rep, colleague, milestones };
}

const forecastsAt = async (projectId: string, at: string) => {
  const res = await call<ProjectForecasts>(system.app, 'GET', `/api/projects/${projectId}/forecasts?at=${encodeURIComponent(at)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.subjects;
};
const pick = (subjects: SubjectForecast[], kind: string, id: string) => subjects.find((s) => s.kind === kind && s.id === id)!;

describe('forecasts of a project', () => {
  it("forecasts a Q4-weighted goal that is on its plan at midyear as on plan, with the range of its quarters' paces, and says how", async () => {
    const { project, goalId } = await q4WeightedYear();
    const subjects = await forecastsAt(project.id, '2027-07-01T00:00:00+08:00');
    // 2,000,000 planned and reached by 1 July: pace 1; the 4,000,000 still planned at 0.9 to 1.1.
    const goal = pick(subjects, 'goal', goalId);
    expect(goal.forecast).toEqual({
      method: 'pace_against_plan',
      inputs: {
        asOf: '2027-06-30T16:00:00.000Z',
        due: '2027-12-31T16:00:00.000Z',
        actualByNow: '2000000',
        plannedByNow: '2000000',
        plannedAtDue: '6000000',
        pace: '1',
        periodPaces: ['0.9', '1.1'],
      },
      value: '6000000',
      low: '5600000',
      high: '6400000',
      percentOfPlan: 100,
    });
    expect(goal.plan.map((p) => p.cumulative)).toEqual(['1000000', '2000000', '3000000', '6000000']);
  });

  it("forecasts each milestone at its own cumulative target, and a past one at what it reached", async () => {
    const { project, milestones } = await q4WeightedYear();
    const subjects = await forecastsAt(project.id, '2027-07-01T00:00:00+08:00');
    const [q1, , q3, q4] = milestones.map((m) => pick(subjects, 'milestone', m.id).forecast);
    expect(q1).toMatchObject({ value: '900000', percentOfPlan: 90 });
    expect(q3).toMatchObject({ value: '3000000', low: '2900000', high: '3100000', percentOfPlan: 100 });
    expect(q4).toMatchObject({ value: '6000000', percentOfPlan: 100 });
  });

  it("forecasts each member's allocation from their own reports against their own quota", async () => {
    const { project, goalId, rep, colleague } = await q4WeightedYear();
    const subjects = await forecastsAt(project.id, '2027-07-01T00:00:00+08:00');
    // Each holds 3,000,000 (500,000 a quarter, then 1,500,000): the rep's 2,000,000 of 1,000,000 planned is a pace of 2.
    const mine = pick(subjects, 'allocation', `${goalId}:user:${rep.id}`);
    expect(mine).toMatchObject({ ownerId: rep.id, holder: { userId: rep.id, teamId: null }, target: '3000000' });
    // Each member's months are rounded to whole yuan (the quota's own exact split), so the half year may hold a yuan more or less.
    const planned = Number(mine.forecast.inputs.plannedByNow);
    expect(Math.abs(planned - 1_000_000)).toBeLessThanOrEqual(1);
    expect(mine.forecast).toMatchObject({ percentOfPlan: 200, inputs: { actualByNow: '2000000', plannedAtDue: '3000000' } });
    expect(Number(mine.forecast.value)).toBeCloseTo(2_000_000 + (3_000_000 - planned) * (2_000_000 / planned), 1);
    const theirs = pick(subjects, 'allocation', `${goalId}:user:${colleague.id}`);
    expect(theirs.forecast).toMatchObject({ value: '0', low: '0', high: '0', percentOfPlan: 0 });
  });

  it('says nothing before anything was planned, and refuses a moment that is not one, naming the field', async () => {
    const { project, goalId } = await q4WeightedYear();
    expect(pick(await forecastsAt(project.id, '2026-12-01T00:00:00+08:00'), 'goal', goalId).forecast).toMatchObject({ value: null, low: null, high: null, percentOfPlan: null });
    const bad = await call(system.app, 'GET', `/api/projects/${project.id}/forecasts?at=soon`);
    expect(bad.status).toBe(400);
    expect(new Set(bad.body.error.details.map((d: { path: string }) => d.path))).toEqual(new Set(['at']));
  });
});
