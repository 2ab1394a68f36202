import { describe, expect, it } from 'vitest';
import { call } from '../support/http';
import { allocateByWeights, createPlanProject, createUser, revenueGoal2027, year2027 } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

interface StageProgress {
  key: string;
  planTotal: number;
  planPerMonth: number[];
  actualPerMonth: string[];
  actualToDate: string;
  actualConversionRate: string | null;
  conversionShort: boolean;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** A year that has begun: its stage counts are reported in the past. */
const year2026 = { periodStart: '2026-01-01T00:00:00+08:00', periodEnd: '2027-01-01T00:00:00+08:00' } as const;

async function projectWithRevenueGoal(period: { periodStart: string; periodEnd: string } = year2027) {
  const owner = await createUser(system.app, 'Owner');
  const project = await createPlanProject(system.db, { ownerId: owner.id, ...period });
  const goal = await call(system.app, 'POST', `/api/projects/${project.id}/goals`, { ...revenueGoal2027, period: { start: period.periodStart, end: period.periodEnd } });
  expect(goal.status, JSON.stringify(goal.body)).toBe(201);
  return { owner, project, goalId: goal.body.id as string };
}

const issueExample = { averageDeal: 50000, stages: [{ key: 'qualified_leads', conversionRate: '0.25' }, { key: 'contracts' }] };

describe('the funnel behind the revenue goal', () => {
  it('derives exact stage volumes for 5,000,000 at 50,000 a deal with a 25 % win rate: 100 contracts from 400 qualified opportunities, 33 or 34 a month, each month summing to the stage total', async () => {
    const { project } = await projectWithRevenueGoal();
    const set = await call(system.app, 'PUT', `/api/projects/${project.id}/funnel`, issueExample);
    expect(set.status, JSON.stringify(set.body)).toBe(200);

    const res = await call(system.app, 'GET', `/api/projects/${project.id}/funnel`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ configured: true, averageDeal: '50000', problem: null, decomposition: 'even', goal: { target: '5000000' } });
    expect(res.body.months.map((m: { label: string }) => m.label)).toEqual(Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`));
    const [leads, contracts] = res.body.progress as StageProgress[];
    expect([leads!.key, leads!.planTotal, contracts!.key, contracts!.planTotal]).toEqual(['qualified_leads', 400, 'contracts', 100]);
    expect(leads!.planPerMonth).toHaveLength(12);
    expect(leads!.planPerMonth.every((month) => month === 33 || month === 34)).toBe(true);
    expect(sum(leads!.planPerMonth)).toBe(400);
    expect(contracts!.planPerMonth.every((month) => month === 8 || month === 9)).toBe(true);
    expect(sum(contracts!.planPerMonth)).toBe(100);
  });

  it('takes an average deal to the eighth decimal place: 5,000,000 at 33,333.333 a deal is 151 contracts', async () => {
    const { project } = await projectWithRevenueGoal();
    expect((await call(system.app, 'PUT', `/api/projects/${project.id}/funnel`, { averageDeal: '33333.333', stages: [{ key: 'contracts' }] })).status).toBe(200);
    const res = await call(system.app, 'GET', `/api/projects/${project.id}/funnel`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.progress[0].planTotal).toBe(151);
  });

  it("splits the stage volumes as the goal's own decomposition does, also once members hold shares with milestones of their own: quarters weighted 1/1/1/3 ask for half the contracts in Q4", async () => {
    const { owner, project, goalId } = await projectWithRevenueGoal();
    const applied = await call(system.app, 'POST', `/api/projects/${project.id}/decomposition/apply`, { goalId, granularity: 'quarter', weights: [1, 1, 1, 3], ownerId: owner.id });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    // Members' own milestones are not the goal's checkpoints.
    const [ann, bo] = [await createUser(system.app, 'Ann'), await createUser(system.app, 'Bo')];
    expect((await call(system.app, 'PUT', `/api/projects/${project.id}/members`, { members: [ann, bo].map((m) => ({ userId: m!.id, role: 'member' })) })).status).toBe(200);
    const shared = await call(system.app, 'PUT', `/api/projects/${project.id}/goals/${goalId}/allocation`, { granularity: 'month', shares: [ann, bo].map((m) => ({ userId: m!.id, weight: 1 })) });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    expect((await call(system.app, 'PUT', `/api/projects/${project.id}/funnel`, issueExample)).status).toBe(200);

    const res = await call(system.app, 'GET', `/api/projects/${project.id}/funnel`);
    expect(res.body.decomposition).toBe('quarters');
    const [leads, contracts] = res.body.progress as StageProgress[];
    const quarterly = (months: number[]) => [0, 3, 6, 9].map((first) => sum(months.slice(first, first + 3)));
    expect(quarterly(contracts!.planPerMonth)).toEqual([17, 17, 16, 50]);
    expect(sum(contracts!.planPerMonth)).toBe(100);
    expect(quarterly(leads!.planPerMonth)).toEqual([67, 67, 66, 200]);
    expect(sum(leads!.planPerMonth)).toBe(400);
  });

  it('shows the default four stages until the project sets its own, and takes single reports of stage counts once it has', async () => {
    const { project } = await projectWithRevenueGoal(year2026);
    const unset = await call(system.app, 'GET', `/api/projects/${project.id}/funnel`);
    expect(unset.body).toMatchObject({ configured: false, problem: 'no_funnel', progress: [] });
    expect(unset.body.stages.map((s: { key: string }) => s.key)).toEqual(['prospects', 'qualified_leads', 'proposals', 'contracts']);
    // Before the funnel exists the project tracks revenue only, so a stage count is refused.
    const refused = await call(system.app, 'POST', `/api/projects/${project.id}/kpi-reports`, { metric: 'qualified_leads', value: 40, reportedAt: '2026-02-10T10:00:00+08:00' });
    expect(refused.status).toBe(400);

    expect((await call(system.app, 'PUT', `/api/projects/${project.id}/funnel`, { averageDeal: '50000', stages: unset.body.stages })).status).toBe(200);
    for (const [metric, value] of [['qualified_leads', 40], ['proposals', 10], ['contracts', 2]] as const) {
      const report = await call(system.app, 'POST', `/api/projects/${project.id}/kpi-reports`, { metric, value, reportedAt: '2026-02-10T10:00:00+08:00' });
      expect(report.status, JSON.stringify(report.body)).toBe(201);
    }
    const res = await call(system.app, 'GET', `/api/projects/${project.id}/funnel`);
    const stages = res.body.progress as StageProgress[];
    expect(stages.map((s) => s.planTotal)).toEqual([1600, 400, 200, 100]);
    expect(stages.map((s) => s.actualToDate)).toEqual(['0', '40', '10', '2']);
    expect(stages.map((s) => s.actualPerMonth[1])).toEqual(['0', '40', '10', '2']);
  });

  it('a CSV of stage counts updates the funnel: counts per month, to date, and where conversion falls short of the planned rate', async () => {
    const { owner, project } = await projectWithRevenueGoal(year2026);
    const funnel = { averageDeal: 50000, stages: [{ key: 'qualified_leads', conversionRate: '0.5' }, { key: 'proposals', conversionRate: '0.5' }, { key: 'contracts' }] };
    expect((await call(system.app, 'PUT', `/api/projects/${project.id}/funnel`, funnel)).status).toBe(200);
    const before = (await call(system.app, 'GET', `/api/projects/${project.id}/funnel`)).body.progress as StageProgress[];
    expect(before.map((s) => s.actualToDate)).toEqual(['0', '0', '0']);

    const csv = [
      'metric,value,reported_at,reporter_email',
      `qualified_leads,30,2026-02-10,${owner.email}`,
      `qualified_leads,20,2026-03-05,${owner.email}`,
      `proposals,10,2026-03-06,${owner.email}`,
      `contracts,4,2026-03-20,${owner.email}`,
      `contracts,2,2026-04-02,${owner.email}`,
    ].join('\n');
    const imported = await call(system.app, 'POST', `/api/projects/${project.id}/kpi-reports/import`, { csv });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);

    const [leads, proposals, contracts] = (await call(system.app, 'GET', `/api/projects/${project.id}/funnel`)).body.progress as StageProgress[];
    expect(leads!.actualPerMonth.slice(0, 4)).toEqual(['0', '30', '20', '0']);
    expect(contracts!.actualPerMonth.slice(0, 4)).toEqual(['0', '0', '4', '2']);
    expect([leads!.actualToDate, proposals!.actualToDate, contracts!.actualToDate]).toEqual(['50', '10', '6']);
    // 10 of 50 leads reached a proposal (0.2, planned 0.5): the funnel leaks there; 6 of 10 proposals signed (0.6 ≥ 0.5).
    expect([leads!.actualConversionRate, leads!.conversionShort]).toEqual(['0.2', true]);
    expect([proposals!.actualConversionRate, proposals!.conversionShort]).toEqual(['0.6', false]);
    expect([contracts!.actualConversionRate, contracts!.conversionShort]).toEqual([null, false]);
  });

  it("splits each stage among the members by their quota of the revenue goal (5/3/2: 200, 120 and 80 of 400 leads), every member × month cell adding up both ways; a rep sees only their own part", async () => {
    const { project, goalId } = await projectWithRevenueGoal();
    const [ann, bo, cy] = [await createUser(system.app, 'Ann'), await createUser(system.app, 'Bo'), await createUser(system.app, 'Cy')];
    await allocateByWeights(system.db, { projectId: project.id, goalId, members: [ann!, bo!, cy!], weights: [5, 3, 2] });
    expect((await call(system.app, 'PUT', `/api/projects/${project.id}/members`, { members: [ann, bo, cy].map((m) => ({ userId: m!.id, role: 'member' })) })).status).toBe(200);
    expect((await call(system.app, 'PUT', `/api/projects/${project.id}/funnel`, issueExample)).status).toBe(200);

    const res = await call(system.app, 'GET', `/api/projects/${project.id}/funnel`);
    const [leads] = res.body.progress as StageProgress[];
    const holders = res.body.holders as { userId: string; stages: { key: string; planTotal: number; planPerMonth: number[] }[] }[];
    expect(holders.map((h) => h.userId)).toEqual([ann!.id, bo!.id, cy!.id]);
    expect(holders.map((h) => h.stages[0]!.planTotal)).toEqual([200, 120, 80]);
    expect(holders.map((h) => h.stages[1]!.planTotal)).toEqual([50, 30, 20]);
    for (const holder of holders) for (const stage of holder.stages) expect(sum(stage.planPerMonth)).toBe(stage.planTotal);
    leads!.planPerMonth.forEach((month, m) => expect(sum(holders.map((h) => h.stages[0]!.planPerMonth[m]!))).toBe(month));

    const own = await call(system.app, 'GET', `/api/projects/${project.id}/funnel`, undefined, { as: bo });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body.holders.map((h: { userId: string }) => h.userId)).toEqual([bo!.id]);
  });

  it("paces each member's part of a stage by their own quota months when the goal is allocated: a quota weighted 1/1/1/3 by quarter asks for half of the member's leads in Q4 while the goal's own months stay even", async () => {
    const { project, goalId } = await projectWithRevenueGoal();
    const [ann, bo] = [await createUser(system.app, 'Ann'), await createUser(system.app, 'Bo')];
    await allocateByWeights(system.db, { projectId: project.id, goalId, members: [ann!, bo!], granularity: 'quarter', periodWeights: [1, 1, 1, 3] });
    expect((await call(system.app, 'PUT', `/api/projects/${project.id}/members`, { members: [ann, bo].map((m) => ({ userId: m!.id, role: 'member' })) })).status).toBe(200);
    expect((await call(system.app, 'PUT', `/api/projects/${project.id}/funnel`, issueExample)).status).toBe(200);

    const res = await call(system.app, 'GET', `/api/projects/${project.id}/funnel`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // The goal has no milestones: its 400 leads are spread evenly, 100 a quarter.
    const [leads] = res.body.progress as StageProgress[];
    expect(sum(leads!.planPerMonth.slice(9))).toBe(100);
    const holders = res.body.holders as { userId: string; stages: { key: string; planTotal: number; planPerMonth: number[] }[] }[];
    for (const holder of holders) {
      const mine = holder.stages[0]!;
      expect(mine.planTotal).toBe(200);
      expect(sum(mine.planPerMonth)).toBe(200);
      // Their quota puts half the year in Q4, so about half of their 200 leads are planned there (the goal's even months
      // would give 50), and a sixth in each other quarter: each month is its exact share rounded down or up.
      for (const month of mine.planPerMonth.slice(9)) expect(month).toBeOneOf([33, 34]);
      for (const month of mine.planPerMonth.slice(0, 9)) expect(month).toBeOneOf([11, 12]);
      expect(sum(mine.planPerMonth.slice(9))).toBeGreaterThanOrEqual(99);
    }
    expect(holders.map((h) => h.userId)).toEqual([ann!.id, bo!.id]);
  });

  it.each([
    [{ averageDeal: 50000, stages: [] }, 'stages'],
    [{ averageDeal: 50000, stages: [{ key: 'leads', conversionRate: '0' }, { key: 'contracts' }] }, 'stages.0.conversionRate'],
    [{ averageDeal: 50000, stages: [{ key: 'leads', conversionRate: '1.5' }, { key: 'contracts' }] }, 'stages.0.conversionRate'],
    [{ averageDeal: 50000, stages: [{ key: 'leads' }, { key: 'contracts' }] }, 'stages.0.conversionRate'],
    [{ averageDeal: 50000, stages: [{ key: 'leads', conversionRate: '0.5' }, { key: 'contracts', conversionRate: '0.5' }] }, 'stages.1.conversionRate'],
    [{ averageDeal: 50000, stages: [{ key: 'leads', conversionRate: '0.5' }, { key: 'leads' }] }, 'stages.1.key'],
    [{ averageDeal: 0, stages: [{ key: 'contracts' }] }, 'averageDeal'],
    [{ averageDeal: '-5', stages: [{ key: 'contracts' }] }, 'averageDeal'],
    [{ averageDeal: 'lots', stages: [{ key: 'contracts' }] }, 'averageDeal'],
    [{ averageDeal: 50000, stages: [{ key: 'Leads!' }] }, 'stages.0.key'],
  ])('refuses %j with a 400 naming %s, and writes nothing', async (body, path) => {
    const { project } = await projectWithRevenueGoal();
    const res = await call(system.app, 'PUT', `/api/projects/${project.id}/funnel`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    if (path.endsWith('conversionRate') && !path.startsWith('stages.1')) expect(res.body.error.details[0].message).toBe('must be more than 0 and at most 1 (a share: 0.25 is 25 %)');
    expect(await system.db.selectFrom('project_funnels').selectAll().where('projectId', '=', project.id).execute()).toEqual([]);
  });

  it('writes the change to the audit trail under the person who made it, before and after', async () => {
    const { project } = await projectWithRevenueGoal();
    expect((await call(system.app, 'PUT', `/api/projects/${project.id}/funnel`, issueExample)).status).toBe(200);
    expect((await call(system.app, 'PUT', `/api/projects/${project.id}/funnel`, { ...issueExample, averageDeal: 40000 })).status).toBe(200);
    const trail = await system.db.selectFrom('audit_events').selectAll().where('projectId', '=', project.id).where('entity', '=', 'project_funnels').orderBy('id').execute();
    expect(trail.map((event) => event.action)).toEqual(['insert', 'update']);
    expect(trail[1]!.before).toMatchObject({ average_deal: 50000 });
    expect(trail[1]!.after).toMatchObject({ average_deal: 40000 });
  });
});
