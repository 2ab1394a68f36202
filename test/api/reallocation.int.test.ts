import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../activities/clock';
import { createChangeRequestActivities } from '../../activities/change-requests';
import { insertChangeRequest } from '../../db/queries/change-requests';
import { milestoneMissEscalationFlow } from '../../workflows/flow/default-flows';
import { approveAtOnce, bind, createOrgChart, createProject, inSeconds, publishFlow, startExecution } from '../support/factories';
import { recordHistory } from '../support/histories';
import { call, eventually } from '../support/http';
import { revenueGoalUntil } from '../support/sales-plan';
import { createUser, type Person } from '../support/people';
import { useSystem } from '../support/system';

const system = useSystem();

/** A running project with a revenue goal of 1000 shared out by month among `initial` (weights). */
async function allocatedProject(people: Person[], initial: [Person, number][], seconds: { goalEnd: number; periodEnd: number }) {
  const org = await createOrgChart(system.app);
  const project = await createProject(system.app, org.rep.id, 'Reallocation', { periodEnd: inSeconds(seconds.periodEnd), monitoringDays: 0 });
  const members = await call(system.app, 'PUT', `/api/projects/${project.id}/members`, { members: people.map((p) => ({ userId: p.id, role: 'member' })) });
  expect(members.status, JSON.stringify(members.body)).toBe(200);
  const goal = await call(system.app, 'POST', `/api/projects/${project.id}/goals`, revenueGoalUntil(inSeconds(seconds.goalEnd)));
  expect(goal.status, JSON.stringify(goal.body)).toBe(201);
  const allocated = await call(system.app, 'PUT', `/api/projects/${project.id}/goals/${goal.body.id}/allocation`, { granularity: 'month', shares: initial.map(([p, weight]) => ({ userId: p.id, weight })) });
  expect(allocated.status, JSON.stringify(allocated.body)).toBe(200);
  return { org, project, goalId: goal.body.id as string };
}

const memberMilestones = (goalId: string) => system.db.selectFrom('milestones').selectAll().where('goalId', '=', goalId).where('memberId', 'is not', null).orderBy('dueAt').execute();

const reallocation = (goalId: string, shares: Record<string, unknown>[]) => ({ subjectKind: 'goal', subjectId: goalId, field: 'allocation', after: { granularity: 'month', shares }, reason: 'Ben takes over from Ann' });

describe('reallocating a goal among members once the project runs', () => {
  it('refuses a reallocation during execution as a direct edit and takes it as a change request whose preview shows each member’s old and new quota', async () => {
    const [mia, ann, ben] = [await createUser(system.app, 'Mia Share'), await createUser(system.app, 'Ann Share'), await createUser(system.app, 'Ben Share')];
    const { org, project, goalId } = await allocatedProject([mia, ann, ben], [[mia, 1], [ann, 1]], { goalEnd: 3000, periodEnd: 3600 });
    await bind(system.app, 'change_requested', project.id, await publishFlow(system.app, approveAtOnce('change_requested')));
    await startExecution(system.app, project.id, org.rep);

    const direct = await call(system.app, 'PUT', `/api/projects/${project.id}/goals/${goalId}/allocation`, { granularity: 'month', shares: [{ userId: mia.id, weight: 3 }, { userId: ben.id, weight: 1 }] });
    expect({ status: direct.status, code: direct.body.error?.code }).toEqual({ status: 409, code: 'plan_locked' });
    expect(direct.body.error.message).toContain('request a change');

    const requested = await call(system.app, 'POST', `/api/projects/${project.id}/change-requests`, reallocation(goalId, [{ userId: mia.id, weight: 3 }, { userId: ben.id, weight: 1 }]));
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const byName = Object.fromEntries((requested.body.reallocation as { name: string; before: { quota: string | null; milestones: { target: string }[] }; after: { quota: string | null; milestones: { target: string }[] } }[]).map((row) => [row.name, row]));
    expect(byName['Mia Share']).toMatchObject({ userId: mia.id, before: { quota: '500', milestones: [{ target: '500' }] }, after: { quota: '750', milestones: [{ target: '750' }] } });
    expect(byName['Ann Share']).toMatchObject({ userId: ann.id, before: { quota: '500', milestones: [{ target: '500' }] }, after: { quota: null, milestones: [] } });
    expect(byName['Ben Share']).toMatchObject({ userId: ben.id, before: { quota: null, milestones: [] }, after: { quota: '250', milestones: [{ target: '250' }] } });
    // The timers it moves: Ann's check stops, Ben's starts; Mia's stays where it is.
    expect((requested.body.moves as { milestoneName: string; from: string | null; to: string | null }[]).map((m) => [m.milestoneName.split(' · ')[1], m.from === null, m.to === null]).sort()).toEqual([
      ['Ann Share', false, true],
      ['Ben Share', true, false],
    ]);
    expect(requested.body.before).toMatchObject({ granularity: 'month', shares: [{ userId: mia.id, weight: 1 }, { userId: ann.id, weight: 1 }] });

    await eventually(async () => {
      const rows = await call(system.app, 'GET', `/api/projects/${project.id}/change-requests`);
      expect(rows.body.map((r: { status: string }) => r.status)).toEqual(['approved']);
    });
    const allocation = await call(system.app, 'GET', `/api/projects/${project.id}/goals/${goalId}/allocation`);
    expect(allocation.body.shares.map((s: { name: string; quota: string }) => [s.name, s.quota])).toEqual([
      ['Mia Share', '750'],
      ['Ben Share', '250'],
    ]);
  });

  it('once approved, moves the members’ timers: a newly given member’s missed share escalates to their manager, a removed member’s milestone no longer fires', async () => {
    const [miaBoss, annBoss, benBoss] = [await createUser(system.app, 'Mia Boss', null, 'manager'), await createUser(system.app, 'Ann Boss', null, 'manager'), await createUser(system.app, 'Ben Boss', null, 'manager')];
    const [mia, ann, ben] = [await createUser(system.app, 'Mia Timer', miaBoss.id), await createUser(system.app, 'Ann Timer', annBoss.id), await createUser(system.app, 'Ben Timer', benBoss.id)];
    const { org, project, goalId } = await allocatedProject([mia, ann, ben], [[mia, 1], [ann, 1]], { goalEnd: 14, periodEnd: 16 });
    const initial = await memberMilestones(goalId);
    const miaBefore = initial.find((m) => m.memberId === mia.id)!;
    const annBefore = initial.find((m) => m.memberId === ann.id)!;
    await bind(system.app, 'milestone_missed', project.id, await publishFlow(system.app, milestoneMissEscalationFlow));
    await bind(system.app, 'change_requested', project.id, await publishFlow(system.app, approveAtOnce('change_requested')));
    await startExecution(system.app, project.id, org.rep);

    const requested = await call(system.app, 'POST', `/api/projects/${project.id}/change-requests`, reallocation(goalId, [{ userId: mia.id, weight: 3 }, { userId: ben.id, weight: 1 }]));
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const after = await eventually(async () => {
      const rows = await memberMilestones(goalId);
      expect(rows.map((m) => m.memberId).sort()).toEqual([mia.id, ben.id].sort());
      return rows;
    });
    const miaAfter = after.find((m) => m.memberId === mia.id)!;
    const benAfter = after.find((m) => m.memberId === ben.id)!;
    // Mia keeps her milestone (and its timer) with the new target; Ann's is gone; Ben has his own.
    expect({ id: miaAfter.id, target: Number(miaAfter.targetValue) }).toEqual({ id: miaBefore.id, target: 750 });
    expect(Number(benAfter.targetValue)).toBe(250);
    expect(after.map((m) => m.id)).not.toContain(annBefore.id);

    // Nothing was sold: both shares are missed when due, each escalated to that member's manager.
    const escalations = await eventually(
      async () => {
        const rows = await system.db.selectFrom('escalations').selectAll().where('projectId', '=', project.id).execute();
        expect(rows).toHaveLength(2);
        return rows;
      },
      { timeoutMs: 40_000 },
    );
    expect(escalations.map((e) => [e.milestoneId, e.recipientId]).sort()).toEqual(
      [
        [miaAfter.id, miaBoss.id],
        [benAfter.id, benBoss.id],
      ].sort(),
    );
    const checked = await system.db.selectFrom('milestones').select(['id', 'status']).where('goalId', '=', goalId).where('memberId', 'is not', null).execute();
    expect(checked.map((m) => m.status)).toEqual(['missed', 'missed']);
    // Ann's milestone never fired: no run of the miss flow for it, nothing in her manager's inbox.
    const annRuns = await system.db.selectFrom('flow_runs').select('id').where('subjectId', '=', annBefore.id).execute();
    expect(annRuns).toEqual([]);
    expect(await system.db.selectFrom('inbox_items').select('id').where('userId', '=', annBoss.id).execute()).toEqual([]);

    // With RECORD_HISTORIES=1 the lifecycle's history so far (the escalations waiting) is kept for the replay test.
    await recordHistory(system.client, `sales-project-${project.id}`, 'lifecycle-reallocation-moves-member-timers');
  });

  it('refuses shares over the target or an unknown member with 400 naming the field, writing nothing', async () => {
    const [mia, ben] = [await createUser(system.app, 'Mia Bad'), await createUser(system.app, 'Ben Bad')];
    const { org, project, goalId } = await allocatedProject([mia, ben], [[mia, 1]], { goalEnd: 3000, periodEnd: 3600 });
    await startExecution(system.app, project.id, org.rep);
    const milestonesBefore = await memberMilestones(goalId);
    const cases: [shares: Record<string, unknown>[], path: string][] = [
      [[{ userId: mia.id, amount: '900' }, { userId: ben.id, amount: '200' }], 'after.shares'],
      [[{ userId: mia.id, weight: 1 }, { userId: randomUUID(), weight: 1 }], 'after.shares.1.userId'],
    ];
    for (const [shares, path] of cases) {
      const res = await call(system.app, 'POST', `/api/projects/${project.id}/change-requests`, reallocation(goalId, shares));
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect((res.body.error.details as { path: string }[]).map((d) => d.path), JSON.stringify(res.body)).toEqual([expect.stringMatching(new RegExp(`^${path.replaceAll('.', '\\.')}`))]);
    }
    expect((await call(system.app, 'GET', `/api/projects/${project.id}/change-requests`)).body).toEqual([]);
    expect(await memberMilestones(goalId)).toEqual(milestonesBefore);
    const allocation = await call(system.app, 'GET', `/api/projects/${project.id}/goals/${goalId}/allocation`);
    expect(allocation.body.shares.map((s: { userId: string; quota: string }) => [s.userId, s.quota])).toEqual([[mia.id, '1000']]);
  });

  it('turns a reallocation down when it no longer fits its goal at approval (the target was lowered since), changing nothing', async () => {
    const [mia, ben] = [await createUser(system.app, 'Mia Late'), await createUser(system.app, 'Ben Late')];
    const { org, project, goalId } = await allocatedProject([mia, ben], [[mia, 1]], { goalEnd: 3000, periodEnd: 3600 });
    const milestonesBefore = await memberMilestones(goalId);
    const after = { granularity: 'month' as const, scale: 0, shares: [{ userId: mia.id, amount: '600' }, { userId: ben.id, amount: '300' }] };
    const change = await insertChangeRequest(system.db, { projectId: project.id, subjectKind: 'goal', subjectId: goalId, field: 'allocation', before: null, after, reason: 'Ben helps', requestedBy: org.rep.id });
    // An approved target change got there first: 900 no longer fits a target of 800.
    await system.db.updateTable('goals').set({ target: '800' }).where('id', '=', goalId).execute();

    const decided = await createChangeRequestActivities({ db: system.db, clock: systemClock }).decideChangeRequest({ changeRequestId: change.id, approved: true });
    expect(decided).toMatchObject({ status: 'rejected' });
    expect(decided.milestonesChanged).toBeUndefined();
    expect(await memberMilestones(goalId)).toEqual(milestonesBefore);
    const shares = await system.db.selectFrom('goal_allocations').select(['userId', 'weight']).where('goalId', '=', goalId).execute();
    expect(shares).toEqual([{ userId: mia.id, weight: '1' }]);
  });
});
