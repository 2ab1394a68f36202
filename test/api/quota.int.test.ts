import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { insertKpiReport } from '../../db/queries/kpi-reports';
import { listMemberQuotas } from '../../db/queries/goal-allocations';
import { decomposeTargetTree, type TargetNode } from '../../workflows/domain/decompose-target';
import { call } from '../support/http';
import { createPlanProject, createUser, revenueGoal2027, setPhase, year2027 } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

interface Row {
  holder: string;
  userId: string | null;
  name: string | null;
  quota: string;
  months: { label: string; target: string; actual: string | null }[];
  actual: string | null;
  attainmentPct: number | null;
}

const leafMonths = (node: TargetNode): TargetNode[] => (node.level === 'month' ? [node] : node.children.flatMap(leafMonths));
const big = (values: readonly string[]) => values.reduce((total, value) => total + BigInt(value), 0n);

async function projectWithThreeMembers() {
  const owner = await createUser(system.app, 'Quota Owner');
  const ann = await createUser(system.app, 'Ann Quota', owner.id);
  const bo = await createUser(system.app, 'Bo Quota', owner.id);
  const cy = await createUser(system.app, 'Cy Quota', owner.id);
  const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2027 });
  const members = await call(system.app, 'PUT', `/api/projects/${project.id}/members`, { members: [ann, bo, cy].map((m) => ({ userId: m.id, role: 'member' })) });
  expect(members.status, JSON.stringify(members.body)).toBe(200);
  const goal = await call(system.app, 'POST', `/api/projects/${project.id}/goals`, revenueGoal2027);
  expect(goal.status, JSON.stringify(goal.body)).toBe(201);
  return { owner, ann, bo, cy, project, goalId: goal.body.id as string };
}

const byWeights = (ids: string[], weights: number[]) => ({
  granularity: 'quarter',
  weights: [1, 1, 1, 3],
  timeZone: 'Asia/Shanghai',
  shares: ids.map((userId, i) => ({ userId, weight: weights[i] })),
});

async function allocationRows(projectId: string) {
  return system.db.selectFrom('goal_allocations').select('id').where('projectId', '=', projectId).execute();
}

describe('targets for each person', () => {
  it('allocates 5,000,000 to three members by weights 5/3/2 over quarters weighted 1/1/1/3: every member × month cell is exact and sums to the target', async () => {
    const { owner, ann, bo, cy, project, goalId } = await projectWithThreeMembers();
    const put = await call(system.app, 'PUT', `/api/projects/${project.id}/goals/${goalId}/allocation`, byWeights([ann.id, bo.id, cy.id], [5, 3, 2]), { as: owner });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.shares.map((s: { name: string; quota: string }) => [s.name, s.quota])).toEqual([
      ['Ann Quota', '2500000'],
      ['Bo Quota', '1500000'],
      ['Cy Quota', '1000000'],
    ]);
    expect(put.body.unallocated).toBe('0');

    // The project's own months, decomposed by the same rules: Q1–Q3 833,333 or 833,334 a month, Q4's 2,500,000 over its three.
    const tree = decomposeTargetTree({ total: 5_000_000, periodStart: year2027.periodStart, periodEnd: year2027.periodEnd, granularity: 'quarter', weights: [1, 1, 1, 3], timeZone: 'Asia/Shanghai' });
    const projectMonths = leafMonths(tree).map((m) => m.amountMinor);
    expect(put.body.months.map((m: { amount: string }) => BigInt(m.amount))).toEqual(projectMonths);
    expect(big(tree.children[0]!.children.map((q) => q.amount))).toBe(5_000_000n);
    expect(tree.children[0]!.children.map((q) => q.amount).at(-1)).toBe('2500000');

    const quotas = await call(system.app, 'GET', `/api/projects/${project.id}/quotas?asOf=2027-03-01T00:00:00%2B08:00`, undefined, { as: owner });
    expect(quotas.status, JSON.stringify(quotas.body)).toBe(200);
    expect(quotas.body.seesAll).toBe(true);
    const [goal] = quotas.body.goals;
    const rows: Row[] = goal.rows;
    expect(rows.map((r) => [r.holder, r.userId, r.quota])).toEqual([
      ['member', ann.id, '2500000'],
      ['member', bo.id, '1500000'],
      ['member', cy.id, '1000000'],
    ]);
    rows.forEach((row) => {
      expect(row.months).toHaveLength(12);
      // Each row sums to the member's part.
      expect(big(row.months.map((m) => m.target))).toBe(BigInt(row.quota));
      row.months.forEach((cell, j) => {
        // Each cell is the exact share (part × month ÷ target) rounded down or up: exact to the unit.
        const exactFloor = (BigInt(row.quota) * projectMonths[j]!) / 5_000_000n;
        expect([exactFloor, exactFloor + 1n], `${row.name} ${cell.label}`).toContain(BigInt(cell.target));
      });
    });
    // Each month's column sums to the project's month, and the whole grid to the target.
    projectMonths.forEach((month, j) => expect(big(rows.map((r) => r.months[j]!.target))).toBe(month));
    expect(big(rows.flatMap((r) => r.months.map((m) => m.target)))).toBe(5_000_000n);
    // Q4 carries half the year for every member: Ann's October to December is 1,250,000 to the unit
    // (cells are rounded month by month, so a quarter of hers may be one unit off; her year is not).
    expect(big(rows[0]!.months.slice(9).map((m) => m.target))).toBeOneOf([1_249_999n, 1_250_000n, 1_250_001n]);

    // Every member has their own milestones: their cumulative quota at each quarter's end, owned by them.
    const milestones = await system.db.selectFrom('milestones').select(['memberId', 'ownerId', 'targetValue', 'dueAt']).where('goalId', '=', goalId).orderBy('dueAt').execute();
    const annMilestones = milestones.filter((m) => m.memberId === ann.id);
    expect(annMilestones.map((m) => [m.ownerId, m.targetValue])).toEqual([
      [ann.id, '416667'],
      [ann.id, '833333'],
      [ann.id, '1250000'],
      [ann.id, '2500000'],
    ].map(([id, target]) => [id, expect.toBeOneOf([target, String(Number(target) - 1), String(Number(target) + 1)])]));
    expect(annMilestones.at(-1)?.targetValue).toBe('2500000');
    expect(milestones).toHaveLength(12);

    // What other parts of the plan read: the same quotas and months.
    const stored = await listMemberQuotas(system.db, project.id);
    expect(stored.map((q) => [q.userId, q.quota])).toEqual(rows.map((r) => [r.userId, r.quota]));
    expect(stored[1]!.months.map((m) => m.amount)).toEqual(rows[1]!.months.map((m) => m.target));

    // Every change is in the audit trail.
    const trail = await system.db.selectFrom('audit_events').select(['entity', 'action']).where('projectId', '=', project.id).where('entity', 'in', ['goal_allocations', 'goal_allocation_plans']).execute();
    expect(trail.filter((e) => e.entity === 'goal_allocations' && e.action === 'insert')).toHaveLength(3);
    expect(trail.filter((e) => e.entity === 'goal_allocation_plans')).toHaveLength(1);
  });

  it('shows a rep only their own quota by month with what they reported, and the owner every member', async () => {
    const { owner, ann, bo, cy, project, goalId } = await projectWithThreeMembers();
    const put = await call(system.app, 'PUT', `/api/projects/${project.id}/goals/${goalId}/allocation`, byWeights([ann.id, bo.id, cy.id], [5, 3, 2]), { as: owner });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    await insertKpiReport(system.db, { projectId: project.id, metric: 'revenue', value: '300000', reportedAt: '2027-01-20T10:00:00+08:00', reporterId: ann.id });
    await insertKpiReport(system.db, { projectId: project.id, metric: 'revenue', value: '200000.5', reportedAt: '2027-02-10T10:00:00+08:00', reporterId: ann.id });
    await insertKpiReport(system.db, { projectId: project.id, metric: 'revenue', value: '100000', reportedAt: '2027-02-11T10:00:00+08:00', reporterId: bo.id });

    const mine = await call(system.app, 'GET', `/api/projects/${project.id}/quotas?asOf=2027-03-01T00:00:00%2B08:00`, undefined, { as: ann });
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.seesAll).toBe(false);
    expect(mine.body.mayAllocate).toBe(false);
    const [annRow] = mine.body.goals[0].rows as Row[];
    expect(mine.body.goals[0].rows).toHaveLength(1);
    expect(annRow).toMatchObject({ userId: ann.id, quota: '2500000', actual: '500000.5', attainmentPct: 20 });
    expect(annRow!.months.slice(0, 4).map((m) => m.actual)).toEqual(['300000', '200000.5', '0', null]);

    const all = await call(system.app, 'GET', `/api/projects/${project.id}/quotas?asOf=2027-03-01T00:00:00%2B08:00`, undefined, { as: owner });
    expect(all.body.mayAllocate).toBe(true);
    expect((all.body.goals[0].rows as Row[]).map((r) => [r.name, r.actual])).toEqual([
      ['Ann Quota', '500000.5'],
      ['Bo Quota', '100000'],
      ['Cy Quota', '0'],
    ]);
  });

  it('keeps what amounts leave over as the unallocated rest, a row of its own', async () => {
    const { ann, bo, project, goalId } = await projectWithThreeMembers();
    const put = await call(system.app, 'PUT', `/api/projects/${project.id}/goals/${goalId}/allocation`, { granularity: 'month', shares: [{ userId: ann.id, amount: '2000000' }, { userId: bo.id, amount: 1_000_000 }] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.unallocated).toBe('2000000');
    const quotas = await call(system.app, 'GET', `/api/projects/${project.id}/quotas`);
    const rows: Row[] = quotas.body.goals[0].rows;
    expect(rows.map((r) => [r.holder, r.quota])).toEqual([
      ['member', '2000000'],
      ['member', '1000000'],
      ['unallocated', '2000000'],
    ]);
    expect(big(rows.flatMap((r) => r.months.map((m) => m.target)))).toBe(5_000_000n);
    const again = await call(system.app, 'GET', `/api/projects/${project.id}/goals/${goalId}/allocation`);
    expect(again.body).toMatchObject({ granularity: 'month', weights: null, unallocated: '2000000' });
  });

  it.each([
    ['amounts above the target', (ids: string[]) => ({ granularity: 'quarter', shares: [{ userId: ids[0], amount: 4_000_000 }, { userId: ids[1], amount: 1_000_001 }] }), 'shares'],
    ['a negative weight', (ids: string[]) => ({ granularity: 'quarter', shares: [{ userId: ids[0], weight: -1 }, { userId: ids[1], weight: 2 }] }), 'shares.0.weight'],
    ['weights that are all zero', (ids: string[]) => ({ granularity: 'quarter', shares: [{ userId: ids[0], weight: 0 }] }), 'shares'],
    ['weights mixed with amounts', (ids: string[]) => ({ granularity: 'quarter', shares: [{ userId: ids[0], weight: 1 }, { userId: ids[1], amount: 5 }] }), 'shares'],
    ['three quarter weights for four quarters', (ids: string[]) => ({ granularity: 'quarter', weights: [1, 1, 1], shares: [{ userId: ids[0], weight: 1 }] }), 'weights'],
    ['somebody outside the project', (ids: string[]) => ({ granularity: 'quarter', shares: [{ userId: ids[0], weight: 1 }, { userId: ids[3], weight: 1 }] }), 'shares.1.userId'],
    ['a member twice', (ids: string[]) => ({ granularity: 'quarter', shares: [{ userId: ids[0], weight: 1 }, { userId: ids[0], weight: 1 }] }), 'shares.1.userId'],
    ['a share with neither member nor team', () => ({ granularity: 'quarter', shares: [{ weight: 1 }] }), 'shares.0.userId'],
    ['an unknown team', () => ({ granularity: 'quarter', shares: [{ teamId: randomUUID(), weight: 1 }] }), 'shares.0.teamId'],
    ['an unknown field', (ids: string[]) => ({ granularity: 'quarter', shares: [{ userId: ids[0], weight: 1, bonus: 2 }] }), 'shares.0.bonus'],
  ] as const)('refuses %s with a 400 naming the field, and writes nothing', async (_what, body, path) => {
    const { owner, ann, bo, project, goalId } = await projectWithThreeMembers();
    const stranger = await createUser(system.app, 'Stranger');
    const before = await call(system.app, 'PUT', `/api/projects/${project.id}/goals/${goalId}/allocation`, byWeights([ann.id], [1]), { as: owner });
    expect(before.status).toBe(200);
    const rowsBefore = await allocationRows(project.id);

    const refused = await call(system.app, 'PUT', `/api/projects/${project.id}/goals/${goalId}/allocation`, body([ann.id, bo.id, owner.id, stranger.id]), { as: owner });
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await allocationRows(project.id)).toEqual(rowsBefore);
    const milestones = await system.db.selectFrom('milestones').select('memberId').where('goalId', '=', goalId).execute();
    expect(milestones.every((m) => m.memberId === ann.id)).toBe(true);
    expect(milestones).toHaveLength(4);
  });

  it('refuses a new allocation once the plan is approved (409): past planning it is a change request', async () => {
    const { ann, project, goalId } = await projectWithThreeMembers();
    await setPhase(system.db, project.id, 'execution');
    const refused = await call(system.app, 'PUT', `/api/projects/${project.id}/goals/${goalId}/allocation`, byWeights([ann.id], [1]));
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(await allocationRows(project.id)).toEqual([]);
  });

  it('leaves members’ own milestones alone when the project’s target is decomposed again', async () => {
    const { ann, project, goalId } = await projectWithThreeMembers();
    expect((await call(system.app, 'PUT', `/api/projects/${project.id}/goals/${goalId}/allocation`, byWeights([ann.id], [1]))).status).toBe(200);
    const applied = await call(system.app, 'POST', `/api/projects/${project.id}/decomposition/apply`, { goalId, granularity: 'quarter', ownerId: ann.id });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const milestones = await system.db.selectFrom('milestones').select('memberId').where('goalId', '=', goalId).execute();
    expect(milestones.filter((m) => m.memberId === ann.id)).toHaveLength(4);
    expect(milestones.filter((m) => m.memberId === null)).toHaveLength(4);
  });
});
