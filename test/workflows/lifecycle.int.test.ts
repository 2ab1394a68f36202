import { describe, expect, it } from 'vitest';
import { planApprovalFlow } from '../../workflows/flow/default-flows';
import { approveAtOnce, bind, createOrgChart, createProject, inSeconds, publishFlow, readProject, startExecution, type OrgChart } from '../support/factories';
import { call, eventually, untilPassed } from '../support/http';
import { recordHistory } from '../support/histories';
import { useSystem } from '../support/system';

const system = useSystem();
const DAY_S = 86_400;

const project = (id: string) => readProject(system.app, id);
const phaseOf = async (id: string) => (await project(id)).lifecycle.phase as string;

async function planningProject(org: OrgChart, extra: Record<string, unknown> = {}) {
  return createProject<{ id: string; milestones: { id: string; dueAt: string }[] }>(system.app, org.rep.id, 'Plan', {
    periodEnd: inSeconds(600),
    monitoringDays: 0,
    milestones: [{ name: 'Q1', dueAt: inSeconds(500), metric: 'revenue', targetValue: 1000, ownerId: org.rep.id }],
    ...extra,
  });
}

async function pendingRequest(userId: string) {
  return eventually(async () => {
    const res = await call(system.app, 'GET', `/api/users/${userId}/approvals?status=pending`);
    expect(res.body).toHaveLength(1);
    return res.body[0] as { id: string };
  });
}

const inboxSubjects = async (userId: string) =>
  ((await call(system.app, 'GET', `/api/users/${userId}/inbox`)).body as { payload: { subject?: string } }[]).map((i) => i.payload.subject);

describe('the lifecycle on the real engine', () => {
  it('sends a rejected plan back to planning with the reason, and starts execution once approved', async () => {
    const org = await createOrgChart(system.app);
    const p = await planningProject(org);
    expect(await phaseOf(p.id)).toBe('planning');
    await bind(system.app, 'plan_submitted', p.id, await publishFlow(system.app, planApprovalFlow));

    expect((await call(system.app, 'POST', `/api/projects/${p.id}/submit`, {}, { as: org.rep })).status).toBe(202);
    const first = await pendingRequest(org.manager.id);
    const refused = await call(system.app, 'POST', `/api/approvals/${first.id}/decision`, { decision: 'approve' }, { as: org.director });
    expect(refused.status).toBe(403); // only the assigned approver decides, not their manager
    const rejected = await call(system.app, 'POST', `/api/approvals/${first.id}/decision`, { decision: 'reject', comment: 'Targets too low for Q1' }, { as: org.manager });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    await eventually(async () => expect((await project(p.id)).lifecycle.planRejection).toBe('Targets too low for Q1'));
    expect(await phaseOf(p.id)).toBe('planning');

    expect((await call(system.app, 'POST', `/api/projects/${p.id}/submit`, {}, { as: org.rep })).status).toBe(202);
    const second = await pendingRequest(org.manager.id);
    const approved = await call(system.app, 'POST', `/api/approvals/${second.id}/decision`, { decision: 'approve' }, { as: org.manager });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    await eventually(async () => expect(await phaseOf(p.id)).toBe('execution'));
    expect((await project(p.id)).phase).toBe('execution');
    // Approved plans are not submitted again.
    expect((await call(system.app, 'POST', `/api/projects/${p.id}/submit`, {}, { as: org.rep })).status).toBe(409);
    await call(system.app, 'POST', `/api/projects/${p.id}/close`, { outcome: 'cancelled' }, { as: org.rep });
    await eventually(async () => expect(await phaseOf(p.id)).toBe('closing_review'));
    await recordHistory(system.client, `sales-project-${p.id}`, 'lifecycle-plan-rejected-then-approved-then-cancelled');
  });

  it('warns the owner at the warning offset when progress lags, then records the milestone as met without escalating', async () => {
    const org = await createOrgChart(system.app);
    const p = await planningProject(org, {
      periodEnd: inSeconds(40),
      milestones: [{ name: 'Week 1', dueAt: inSeconds(8), metric: 'revenue', targetValue: 1000, ownerId: org.rep.id, warningOffset: { amount: 4, unit: 'seconds' } }],
    });
    await startExecution(system.app, p.id, org.rep);
    await call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric: 'revenue', value: 10 }, { as: org.rep });

    await eventually(async () => expect(await inboxSubjects(org.rep.id)).toContain(`At risk: Week 1 (${(await project(p.id)).name})`));
    await call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric: 'revenue', value: 990 }, { as: org.rep });
    const done = await eventually(async () => {
      const body = await project(p.id);
      expect(body.milestones[0].status).toBe('met');
      return body;
    });
    expect(done.escalations).toEqual([]);
    await call(system.app, 'POST', `/api/projects/${p.id}/close`, { outcome: 'won' }, { as: org.rep });
  });

  it('moves a milestone’s timer when an approved change request moves its due date, checking it once', async () => {
    const org = await createOrgChart(system.app);
    const p = await planningProject(org, {
      periodEnd: inSeconds(60),
      milestones: [{ name: 'Pilot', dueAt: inSeconds(5), metric: 'revenue', targetValue: 100, ownerId: org.rep.id }],
    });
    await startExecution(system.app, p.id, org.rep);
    await bind(system.app, 'change_requested', p.id, await publishFlow(system.app, approveAtOnce('change_requested')));
    const milestone = p.milestones[0]!;
    const newDue = inSeconds(12);

    const preview = await call(system.app, 'POST', `/api/projects/${p.id}/change-requests/preview`, {
      subjectKind: 'milestone', subjectId: milestone.id, field: 'due_at', after: newDue, reason: 'Customer moved the kickoff',
    }, { as: org.rep });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toEqual([{ milestoneId: milestone.id, milestoneName: 'Pilot', kind: 'due', from: milestone.dueAt, to: new Date(newDue).toISOString() }]);

    const change = await call(system.app, 'POST', `/api/projects/${p.id}/change-requests`, {
      subjectKind: 'milestone', subjectId: milestone.id, field: 'due_at', after: newDue, reason: 'Customer moved the kickoff',
    }, { as: org.rep });
    expect(change.status, JSON.stringify(change.body)).toBe(201);
    await eventually(async () => expect((await project(p.id)).lifecycle.nextChecks).toEqual([{ milestoneId: milestone.id, kind: 'due', at: new Date(newDue).toISOString() }]));

    const listed = await call(system.app, 'GET', `/api/projects/${p.id}/change-requests`);
    expect(listed.body).toEqual([expect.objectContaining({ id: change.body.id, field: 'due_at', before: milestone.dueAt, status: 'approved' })]);

    await untilPassed(milestone.dueAt, 1500); // the old due time passes (and its check would have run)
    expect((await project(p.id)).milestones[0].status).toBe('pending');
    await call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric: 'revenue', value: 100 }, { as: org.rep });
    await eventually(async () => expect((await project(p.id)).milestones[0]).toMatchObject({ status: 'met', dueAt: new Date(newDue).toISOString() }), { timeoutMs: 20_000 });
    await call(system.app, 'POST', `/api/projects/${p.id}/close`, { outcome: 'won' }, { as: org.rep });
    await eventually(async () => expect(await phaseOf(p.id)).toBe('closing_review'));
    await recordHistory(system.client, `sales-project-${p.id}`, 'lifecycle-change-request-moves-due-date');
  });

  it('checks milestones added while planning once the plan is approved', async () => {
    const org = await createOrgChart(system.app);
    const p = await planningProject(org, { periodEnd: inSeconds(60), milestones: [] });
    const added = await call(system.app, 'POST', `/api/projects/${p.id}/milestones`, {
      name: 'Added in planning', metric: 'revenue', targetValue: 50, dueAt: inSeconds(8), ownerId: org.rep.id, teamId: null, periodStart: null, warningOffset: null,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    await startExecution(system.app, p.id, org.rep);
    await eventually(async () => expect((await project(p.id)).lifecycle.nextChecks).toEqual([{ milestoneId: added.body.id, kind: 'due', at: added.body.dueAt }]));
    await call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric: 'revenue', value: 50 }, { as: org.rep });
    await eventually(async () => expect((await project(p.id)).milestones[0].status).toBe('met'), { timeoutMs: 20_000 });
    await call(system.app, 'POST', `/api/projects/${p.id}/close`, { outcome: 'won' }, { as: org.rep });
    await eventually(async () => expect(await phaseOf(p.id)).toBe('closing_review'));
    await recordHistory(system.client, `sales-project-${p.id}`, 'lifecycle-milestone-added-in-planning');
  });

  it('goes straight to the closing review when a project is closed early, and keeps its outcome', async () => {
    const org = await createOrgChart(system.app);
    const p = await planningProject(org);
    await startExecution(system.app, p.id, org.rep);
    const closed = await call(system.app, 'POST', `/api/projects/${p.id}/close`, { outcome: 'lost' }, { as: org.rep });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const body = await eventually(async () => {
      const b = await project(p.id);
      expect(b.lifecycle.phase).toBe('closing_review');
      return b;
    });
    expect(body).toMatchObject({ status: 'closed', closedReason: 'lost', phase: 'closing_review' });
    expect(body.milestones[0].status).toBe('pending'); // its check never ran
    expect((await call(system.app, 'POST', `/api/projects/${p.id}/close`, { outcome: 'won' }, { as: org.rep })).status).toBe(409);
  });

  it('counts late KPI reports during monitoring and checks the last milestone when monitoring ends', async () => {
    const org = await createOrgChart(system.app);
    const periodEnd = inSeconds(4);
    const p = await planningProject(org, {
      periodEnd,
      monitoringDays: 5 / DAY_S,
      milestones: [{ name: 'Year end', dueAt: periodEnd, metric: 'revenue', targetValue: 500, ownerId: org.rep.id }],
    });
    await startExecution(system.app, p.id, org.rep);
    await eventually(async () => expect(await phaseOf(p.id)).toBe('monitoring'), { timeoutMs: 15_000 });
    // Reported late, dated inside the period: it still counts.
    await call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric: 'revenue', value: 500, reportedAt: new Date(Date.parse(periodEnd) - 1000).toISOString() }, { as: org.rep });
    expect((await project(p.id)).milestones[0].status).toBe('pending');
    await eventually(async () => expect((await project(p.id)).milestones[0].status).toBe('met'), { timeoutMs: 20_000 });
    await eventually(async () => expect(await phaseOf(p.id)).toBe('closing_review'), { timeoutMs: 20_000 });
  });
});
