import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bind, createOrgChart, createProject, inSeconds, notifyOwnerFlow, publishFlow, startExecution, type OrgChart } from '../support/factories';
import { call, eventually } from '../support/http';
import { allocateByWeights } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem();
const DAY = 86_400;

/**
 * A project 20 days into 60, running: a revenue goal of 6,000 over the whole period and a milestone
 * of 4,000 due in 20 days (100 a day each), whose own at-risk check is 5 days before it is due.
 */
async function runningProject(org: OrgChart) {
  const period = { start: inSeconds(-20 * DAY), end: inSeconds(40 * DAY) };
  const project = await createProject<{ id: string; milestones: { id: string }[] }>(system.app, org.rep.id, 'Forecast', {
    periodStart: period.start,
    periodEnd: period.end,
    milestones: [{ name: 'Midterm', dueAt: inSeconds(20 * DAY), metric: 'revenue', targetValue: 4000, ownerId: org.rep.id, warningOffset: { amount: 5, unit: 'days' } }],
  });
  const goal = await call(system.app, 'POST', `/api/projects/${project.id}/goals`, { metric: 'revenue', unit: 'CNY', target: 6000, period });
  expect(goal.status, JSON.stringify(goal.body)).toBe(201);
  return project;
}

async function report(projectId: string, value: number, as: OrgChart['rep']): Promise<void> {
  const res = await call(system.app, 'POST', `/api/projects/${projectId}/kpi-reports`, { metric: 'revenue', value }, { as });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

const runsOf = (projectId: string, event: string) =>
  system.db.selectFrom('flow_runs').select(['subjectId', 'status']).where('projectId', '=', projectId).where('triggerEvent', '=', event).orderBy('startedAt').execute();

const crossingsOf = (projectId: string) =>
  system.db.selectFrom('forecast_crossings').select(['id', 'subjectKind', 'direction', 'percentOfPlan']).where('projectId', '=', projectId).orderBy('crossedAt').execute();

async function messages(userId: string, subject: string): Promise<string[]> {
  const inbox = (await call(system.app, 'GET', `/api/users/${userId}/inbox`)).body as { payload: { subject?: string; message?: string } }[];
  return inbox.filter((item) => item.payload.subject === subject).map((item) => item.payload.message ?? '');
}

describe('forecast below threshold on the real engine', () => {
  it("warns the day a falling-behind project's milestone forecast drops below 80 %, two weeks before the milestone's own at-risk check, and once per fall", async () => {
    const org = await createOrgChart(system.app);
    const project = await runningProject(org);
    const milestoneId = project.milestones[0]!.id;
    const subject = `Forecast below 80 % ${randomUUID()}`;
    const flow = notifyOwnerFlow(
      { event: 'forecast_below_threshold', forecastBelowPct: 80, forecastWatch: ['milestone'] },
      subject,
      '{{forecast.subject}} heads for {{forecast.value}} of {{forecast.plannedAtDue}} ({{forecast.percentOfPlan}} %, below {{forecast.threshold}} %) by {{forecast.method}}; {{forecast.owner.name}} owns it.',
    );
    await bind(system.app, 'forecast_below_threshold', project.id, await publishFlow(system.app, flow));
    await startExecution(system.app, project.id, org.rep);

    // 2,000 was planned by now: 1,000 is a pace of 0.5, so 1,000 + 2,000 × 0.5 = 2,000 of 4,000.
    await report(project.id, 1000, org.rep);
    const [first] = await eventually(async () => {
      const found = await messages(org.rep.id, subject);
      expect(found).toHaveLength(1);
      return found;
    });
    // Time goes on while the test runs, so the plan by now (and the pace) moves by a hair.
    expect(first).toMatch(/^Midterm heads for (1999\.\d+|2000(\.\d+)?) of 4000 \((49\.9\d|50) %, below 80 %\) by pace_against_plan; .+ owns it\.$/);

    // The milestone's own warning is still two weeks off, and has not run.
    const milestones = (await call(system.app, 'GET', `/api/projects/${project.id}/milestones`)).body as { id: string; warnAt: string | null; warnedAt: string | null }[];
    const milestone = milestones.find((m) => m.id === milestoneId)!;
    expect(Date.parse(milestone.warnAt!) - Date.now()).toBeGreaterThan(14 * DAY * 1000);
    expect(milestone.warnedAt).toBeNull();
    expect(await runsOf(project.id, 'milestone_at_risk')).toEqual([]);

    await report(project.id, 500, org.rep); // 1,500 of 2,000: 75 %, still below, no second warning
    await report(project.id, 700, org.rep); // 2,200 of 2,000: 110 %, back above
    await report(project.id, -800, org.rep); // 1,400 of 2,000: 70 %, a new fall
    await eventually(async () => expect(await messages(org.rep.id, subject)).toHaveLength(2));
    const crossings = await crossingsOf(project.id);
    expect(crossings.map((c) => [c.subjectKind, c.direction])).toEqual([
      ['milestone', 'fell_below'],
      ['milestone', 'rose_above'],
      ['milestone', 'fell_below'],
    ]);
    const falls = crossings.filter((c) => c.direction === 'fell_below').map((c) => c.id);
    await eventually(async () => expect(await runsOf(project.id, 'forecast_below_threshold')).toEqual(falls.map((id) => ({ subjectId: id, status: 'completed' }))));

    // Each crossing is in the project's audit trail, under the person whose report moved it.
    const trail = await system.db.selectFrom('audit_events').select(['actorUserId']).where('entity', '=', 'forecast_crossings').where('projectId', '=', project.id).execute();
    expect(trail).toEqual(crossings.map(() => ({ actorUserId: org.rep.id })));
  });

  it('warns once for a CSV import whose rows together leave the forecast below the threshold, not once per row', async () => {
    const org = await createOrgChart(system.app);
    const project = await runningProject(org);
    const subject = `Forecast import ${randomUUID()}`;
    await bind(system.app, 'forecast_below_threshold', project.id, await publishFlow(system.app, notifyOwnerFlow({ event: 'forecast_below_threshold', forecastBelowPct: 80, forecastWatch: ['milestone'] }, subject)));
    const now = new Date(Date.now() - 60_000).toISOString();
    // 3 × 300 = 900 of the 2,000 planned by now: 45 %.
    const csv = ['metric,value,reported_at,reporter_email', ...Array.from({ length: 3 }, () => `revenue,300,${now},${org.rep.email}`)].join('\n');
    const res = await call(system.app, 'POST', `/api/projects/${project.id}/kpi-reports/import`, { csv }, { as: org.rep });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await eventually(async () => expect(await runsOf(project.id, 'forecast_below_threshold')).toEqual([expect.objectContaining({ status: 'completed' })]));
    expect(await messages(org.rep.id, subject)).toHaveLength(1);
    expect((await crossingsOf(project.id)).map((c) => [c.subjectKind, c.direction])).toEqual([['milestone', 'fell_below']]);
  });

  it("warns about the member whose own allocation falls behind, not the one ahead of theirs, naming them", async () => {
    const org = await createOrgChart(system.app);
    const project = await runningProject(org);
    const goalId = (await system.db.selectFrom('goals').select('id').where('projectId', '=', project.id).executeTakeFirstOrThrow()).id;
    // Half of the 6,000 each: about 1,000 of each half was planned by now.
    await allocateByWeights(system.db, { projectId: project.id, goalId, members: [org.rep, org.manager] });
    const subject = `Allocation forecast ${randomUUID()}`;
    const flow = notifyOwnerFlow({ event: 'forecast_below_threshold', forecastBelowPct: 80, forecastWatch: ['allocation'] }, subject, '{{forecast.subjectKind}} of {{forecast.owner.name}}: {{forecast.percentOfPlan}} %');
    await bind(system.app, 'forecast_below_threshold', project.id, await publishFlow(system.app, flow));

    await report(project.id, 3000, org.rep); // the rep far ahead of their half; the manager has reported nothing
    const [message] = await eventually(async () => {
      const found = await messages(org.rep.id, subject);
      expect(found).toHaveLength(1);
      return found;
    });
    const managerName = (await system.db.selectFrom('users').select('name').where('id', '=', org.manager.id).executeTakeFirstOrThrow()).name;
    expect(message).toBe(`allocation of ${managerName}: 0 %`);
    expect((await crossingsOf(project.id)).map((c) => [c.subjectKind, c.direction])).toEqual([['allocation', 'fell_below']]);
  });

  it("paces against the plan's own weights: a goal behind an even pace but on its back-loaded plan raises nothing", async () => {
    const org = await createOrgChart(system.app);
    // 10 days in, a goal of 10,000 whose decomposition puts 1,000 in its first 20 days and 9,000 after.
    const period = { start: inSeconds(-10 * DAY), end: inSeconds(30 * DAY) };
    const project = await createProject<{ id: string }>(system.app, org.rep.id, 'Back-loaded', { periodStart: period.start, periodEnd: period.end });
    const goal = await call(system.app, 'POST', `/api/projects/${project.id}/goals`, { metric: 'revenue', unit: 'CNY', target: 10000, period });
    expect(goal.status, JSON.stringify(goal.body)).toBe(201);
    for (const [name, days, target] of [['Early', 10, 1000], ['Late', 29, 10000]] as const) {
      const created = await call(system.app, 'POST', `/api/projects/${project.id}/milestones`, { name, dueAt: inSeconds(days * DAY), metric: 'revenue', targetValue: target, ownerId: org.rep.id, goalId: goal.body.id });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const subject = `Goal forecast ${randomUUID()}`;
    await bind(system.app, 'forecast_below_threshold', project.id, await publishFlow(system.app, notifyOwnerFlow({ event: 'forecast_below_threshold', forecastBelowPct: 90, forecastWatch: ['goal'] }, subject)));

    // 500 by now: an even pace would expect 2,500 (20 %); the plan expects 500 (100 %).
    await report(project.id, 500, org.rep);
    const forecasts = (await call(system.app, 'GET', `/api/projects/${project.id}/forecasts`)).body as { subjects: { kind: string; forecast: { percentOfPlan: number; inputs: { plannedByNow: string } } }[] };
    const goalForecast = forecasts.subjects.find((s) => s.kind === 'goal')!;
    expect(Number(goalForecast.forecast.inputs.plannedByNow)).toBeCloseTo(500, 0);
    expect(goalForecast.forecast.percentOfPlan).toBeGreaterThan(99);
    expect(await crossingsOf(project.id)).toEqual([]);
    expect(await runsOf(project.id, 'forecast_below_threshold')).toEqual([]);
    expect(await messages(org.rep.id, subject)).toEqual([]);
  });
});
