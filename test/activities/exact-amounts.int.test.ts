import { expect, it } from 'vitest';
import { buildFlowContext } from '../../activities/flow/flow-context';
import { compileReport } from '../../activities/retrospective/compile-report';
import { insertKpiReport } from '../../db/queries/kpi-reports';
import { call } from '../support/http';
import { createPlanProject, createUser, revenueGoal2027, year2027 } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

// Seventeen digits: JavaScript numbers round each of these to a multiple of 16.
const target = '90071992547409930';
const actual = '90071992547409929';
const planned = '12345678901234567.89';
const spent = '12345678901234568.01';

async function projectWithLargeAmounts() {
  const owner = await createUser(system.app, 'Owner');
  const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2027 });
  const post = async (path: string, body: unknown) => {
    const response = await call(system.app, 'POST', `/api/projects/${project.id}/${path}`, body, { as: owner });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: string };
  };
  await post('goals', { ...revenueGoal2027, target });
  const milestone = await post('milestones', { name: 'The year', dueAt: '2027-12-31T00:00:00+08:00', metric: 'revenue', targetValue: target, ownerId: owner.id });
  await post('budget', { category: 'Ads', planned, spent });
  await insertKpiReport(system.db, { projectId: project.id, reporterId: owner.id, metric: 'revenue', value: actual, reportedAt: new Date('2027-06-01T00:00:00+08:00') });
  return { owner, project, milestoneId: milestone.id };
}

it('keeps 17-digit milestone targets, actuals and budget amounts exact in the closing review, with the overrun computed on the exact amounts', async () => {
  const { project, milestoneId } = await projectWithLargeAmounts();
  // The due-time check records the total it saw.
  await system.db.updateTable('milestones').set({ actualValue: actual, status: 'missed', checkedAt: new Date('2027-12-31T00:00:00+08:00') }).where('id', '=', milestoneId).execute();

  const report = await compileReport(system.db, project.id, new Date('2028-01-02T00:00:00+08:00'));
  expect(report.milestones.map((m) => [m.target, m.actual])).toEqual([[target, actual]]);
  expect(report.series.map((p) => [p.planned, p.actual])).toEqual([[target, actual]]);
  // (…568.01 − …567.89) / …567.89 is about 1e-17 %: over by a hair, which rounds to 0.
  expect(report.budget).toEqual([{ category: 'Ads', planned, spent, overrunPct: 0 }]);
});

it("gives a flow a milestone's and the budget's 17-digit amounts exactly, as text where a number would round them", async () => {
  const { project, milestoneId } = await projectWithLargeAmounts();
  const context = await buildFlowContext(
    { db: system.db, clock: { now: () => new Date('2028-01-02T00:00:00+08:00') } },
    { projectId: project.id, event: 'milestone_missed', subjectId: milestoneId, phase: 'execution' },
  );
  expect(context.milestone).toMatchObject({ target, actual, attainmentPct: 100 });
  expect(context.budget).toEqual({ planned, spent, overrunPct: 0 });
});

it('gives a flow amounts a JavaScript number holds exactly as numbers, so rules compare them as before', async () => {
  const owner = await createUser(system.app, 'Owner');
  const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2027 });
  const line = await call(system.app, 'POST', `/api/projects/${project.id}/budget`, { category: 'Ads', planned: '1000.50', spent: '1200' }, { as: owner });
  expect(line.status, JSON.stringify(line.body)).toBe(201);
  const context = await buildFlowContext({ db: system.db, clock: { now: () => new Date('2027-06-01T00:00:00+08:00') } }, { projectId: project.id, event: 'plan_submitted', subjectId: project.id, phase: 'planning' });
  expect(context.budget).toEqual({ planned: 1000.5, spent: 1200, overrunPct: 19.94 });
});
