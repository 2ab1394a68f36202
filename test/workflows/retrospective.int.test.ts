import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { retrospectiveWorkflowId } from '../../workflows/task-queue';
import { approveAtOnce, bind, createOrgChart, createProject, inSeconds, publishEscalationFlow, publishFlow, startExecution, type OrgChart } from '../support/factories';
import { closingReviewOf } from '../support/flow-runs';
import { call, eventually, untilPassed } from '../support/http';
import { recordHistory } from '../support/histories';
import type { Identity } from '../support/identities';
import { createUser } from '../support/people';
import { useSystem } from '../support/system';

const system = useSystem();
const DAY_S = 86_400;

const retrospectiveOf = (projectId: string) => closingReviewOf(system.app, projectId);

async function project(org: OrgChart, extra: Record<string, unknown>) {
  return createProject<{ id: string; milestones: { id: string; name: string }[] }>(system.app, org.rep.id, 'Retro', { periodEnd: inSeconds(600), monitoringDays: 0, ...extra });
}

describe('the closing review (复盘)', () => {
  it('starts by itself when a project is closed early, exactly once however often it is triggered', async () => {
    const org = await createOrgChart(system.app);
    const p = await project(org, {});
    await startExecution(system.app, p.id, org.rep);
    expect((await call(system.app, 'POST', `/api/projects/${p.id}/close`, { outcome: 'cancelled' }, { as: org.rep })).status).toBe(200);

    const retro = await retrospectiveOf(p.id);
    expect(retro).toMatchObject({ projectId: p.id, status: 'collecting' });
    expect(retro.report.outcome).toBe('cancelled');
    await expect(
      system.client.workflow.start('retrospective', { workflowId: retrospectiveWorkflowId(p.id), taskQueue: system.taskQueue, args: [{ projectId: p.id }], workflowIdReusePolicy: 'REJECT_DUPLICATE' }),
    ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
    const rows = await system.db.selectFrom('retrospectives').select('id').where('projectId', '=', p.id).execute();
    expect(rows).toHaveLength(1);
    // The owner was asked for input.
    await eventually(async () => {
      const inbox = (await call(system.app, 'GET', `/api/users/${org.rep.id}/inbox`)).body as { kind: string }[];
      expect(inbox.filter((i) => i.kind === 'retrospective_request')).toHaveLength(1);
    });
  });

  it('compiles goals, milestones, escalations, change requests and member contribution as they happened', async () => {
    const org = await createOrgChart(system.app);
    const colleague = await createUser(system.app, 'Colleague', org.manager.id);
    const periodEnd = inSeconds(9);
    const p = await project(org, {
      periodEnd,
      milestones: [
        { name: 'M1', dueAt: inSeconds(4), metric: 'revenue', targetValue: 300, ownerId: org.rep.id },
        { name: 'M2', dueAt: inSeconds(7), metric: 'revenue', targetValue: 1000, ownerId: org.rep.id },
      ],
    });
    const goal = await call(system.app, 'POST', `/api/projects/${p.id}/goals`, {
      metric: 'revenue', unit: 'CNY', direction: 'at_least', baseline: null, target: 1000, period: { start: inSeconds(-60), end: periodEnd },
    });
    expect(goal.status, JSON.stringify(goal.body)).toBe(201);
    await bind(system.app, 'milestone_missed', p.id, await publishEscalationFlow(system.app, 2));
    await bind(system.app, 'change_requested', p.id, await publishFlow(system.app, approveAtOnce('change_requested')));
    const members = await call(system.app, 'PUT', `/api/projects/${p.id}/members`, { members: [{ userId: colleague.id, role: 'member' }] });
    expect(members.status, JSON.stringify(members.body)).toBe(200);
    await startExecution(system.app, p.id, org.rep);

    const report = async (value: number, as: Identity) => {
      const res = await call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric: 'revenue', value }, { as });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    };
    await report(200, org.rep);
    await report(150, colleague);
    const m2 = p.milestones.find((m) => m.name === 'M2')!;
    const change = await call(system.app, 'POST', `/api/projects/${p.id}/change-requests`, { subjectKind: 'milestone', subjectId: m2.id, field: 'target', after: 900, reason: 'Lost the biggest lead' }, { as: org.rep });
    expect(change.status, JSON.stringify(change.body)).toBe(201);
    await eventually(async () => expect((await call(system.app, 'GET', `/api/projects/${p.id}`)).body.milestones[0].status).toBe('met'));
    await report(100, org.rep); // 450 of 900 at M2: missed

    // Level 1 (manager) lets it time out; level 2 (director) acknowledges.
    const level2 = await eventually(async () => {
      const escalations = (await call(system.app, 'GET', `/api/projects/${p.id}`)).body.escalations as { id: string; level: number }[];
      expect(escalations.map((e) => e.level)).toEqual([1, 2]);
      return escalations[1]!;
    }, { timeoutMs: 30_000 });
    await eventually(async () => expect((await call(system.app, 'GET', `/api/users/${org.director.id}/approvals?status=pending`)).body).toHaveLength(1));
    expect((await call(system.app, 'POST', `/api/escalations/${level2.id}/ack`, {}, { as: org.director })).status).toBe(200);

    const retro = await retrospectiveOf(p.id);
    const r = retro.report;
    expect(r.outcome).toBe('completed');
    expect(r.goals).toEqual([expect.objectContaining({ target: '1000', actual: '450', attainmentPct: 45, status: 'red' })]);
    expect(r.milestones.map((m: { name: string; target: string; actual: string; status: string; daysLate: number }) => [m.name, m.target, m.actual, m.status, m.daysLate])).toEqual([
      ['M1', '300', '350', 'met', 0],
      ['M2', '900', '450', 'missed', 0],
    ]);
    expect(r.escalations).toMatchObject({ count: 2, highestLevel: 2 });
    expect(r.escalations.byLevel.map((l: { level: number; count: number; acknowledged: number }) => [l.level, l.count, l.acknowledged])).toEqual([[1, 1, 0], [2, 1, 1]]);
    expect(r.escalations.byLevel[1].avgHoursToAck).toBeGreaterThanOrEqual(0);
    expect(r.changeRequests).toEqual([expect.objectContaining({ subject: 'M2', field: 'target', before: '1000', after: '900', status: 'approved', reason: 'Lost the biggest lead' })]);
    expect(r.members.map((m: { name: string; total: string; rank: number }) => [m.name, m.total, m.rank])).toEqual([['Rep', '300', 1], ['Colleague', '150', 2]]);
    const kinds = r.timeline.map((t: { kind: string }) => t.kind);
    expect(kinds).toEqual(expect.arrayContaining(['phase', 'milestone_met', 'milestone_missed', 'escalation', 'acknowledged', 'change_requested', 'change_approved']));
    expect([...r.timeline].map((t: { at: string }) => t.at)).toEqual([...r.timeline].map((t: { at: string }) => t.at).sort());
    // Each entry carries the message a reader reads it by, in their language.
    expect(r.timeline.filter((t: { message?: unknown }) => t.message === undefined)).toEqual([]);
    const zh = await (await system.app.request(`/api/retrospectives/${retro.id}/export.md?lang=zh-CN`, { headers: { authorization: `Bearer ${org.rep.token}` } })).text();
    expect(zh).toContain('| 阶段：执行 |');
    expect(zh).toContain('| 里程碑“M2”未达成 |');
    expect(zh).toContain('申请变更目标值：Lost the biggest lead');

    const asRep = { headers: { authorization: `Bearer ${org.rep.token}` } };
    const md = await system.app.request(`/api/retrospectives/${retro.id}/export.md`, asRep);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    const text = await md.text();
    expect(text).toContain('# Closing review:');
    expect(text).toContain('| M2 |');
    const html = await (await system.app.request(`/api/retrospectives/${retro.id}/export.html`, asRep)).text();
    expect(html).toContain('<h2>Goals</h2>');
    expect(html).toContain('@media print');
    // The same review in Chinese: asked by ?lang=, or by the request's Accept-Language.
    const zhMd = await (await system.app.request(`/api/retrospectives/${retro.id}/export.md?lang=zh-CN`, asRep)).text();
    expect(zhMd).toContain('# 结项复盘：');
    expect(zhMd).toContain('| M2 |');
    const zhHtml = await (await system.app.request(`/api/retrospectives/${retro.id}/export.html`, { headers: { ...asRep.headers, 'accept-language': 'zh-CN,zh;q=0.9' } })).text();
    expect(zhHtml).toContain('<h2>目标</h2>');
    expect(zhHtml).toContain('<html lang="zh-CN">');
  });

  it('takes answers before and after the deadline, reminds who is missing, and freezes when the owner finalizes', async () => {
    const org = await createOrgChart(system.app);
    const colleague = await createUser(system.app, 'Colleague', org.manager.id);
    const watcher = await createUser(system.app, 'Watcher', org.manager.id);
    const outsider = await createUser(system.app, 'Outsider');
    const p = await project(org, { retroInputDays: 4 / DAY_S, retroReminderDays: 2 / DAY_S, retroHardDeadlineDays: 120 / DAY_S });
    const members = await call(system.app, 'PUT', `/api/projects/${p.id}/members`, {
      members: [
        { userId: colleague.id, role: 'member' },
        { userId: watcher.id, role: 'viewer' },
      ],
    });
    expect(members.status, JSON.stringify(members.body)).toBe(200);
    await startExecution(system.app, p.id, org.rep);
    await call(system.app, 'POST', `/api/projects/${p.id}/close`, { outcome: 'won' }, { as: org.rep });
    const retro = await retrospectiveOf(p.id);

    const answer = (as: Identity) =>
      call(system.app, 'POST', `/api/retrospectives/${retro.id}/inputs`, { wentWell: 'Fast pilots', toImprove: 'Earlier forecasts', actionItems: ['Weekly pipeline review'] }, { as });
    const onTime = await answer(org.rep);
    expect(onTime.status, JSON.stringify(onTime.body)).toBe(201);
    expect(onTime.body.late).toBe(false);
    expect((await answer(watcher)).status).toBe(403); // sees the project, does not work on it
    expect((await answer(outsider)).status).toBe(404); // not on the team: the review does not exist for them

    await eventually(async () => {
      const inbox = (await call(system.app, 'GET', `/api/users/${colleague.id}/inbox`)).body as { payload: { subject: string } }[];
      expect(inbox.map((i) => i.payload.subject)).toContain('Reminder: your closing review answers');
    });
    const repInbox = (await call(system.app, 'GET', `/api/users/${org.rep.id}/inbox`)).body as { payload: { subject: string } }[];
    expect(repInbox.map((i) => i.payload.subject)).not.toContain('Reminder: your closing review answers'); // already answered

    await untilPassed(retro.inputDueAt);
    const late = await answer(colleague);
    expect(late.status).toBe(201);
    expect(late.body.late).toBe(true);

    expect((await call(system.app, 'POST', `/api/retrospectives/${retro.id}/finalize`, {}, { as: colleague })).status).toBe(403);
    const final = await call(system.app, 'POST', `/api/retrospectives/${retro.id}/finalize`, {}, { as: org.rep });
    expect(final.status, JSON.stringify(final.body)).toBe(200);
    expect(final.body.status).toBe('finalized');
    expect(final.body.inputs.map((i: { userId: string; late: boolean }) => [i.userId, i.late])).toEqual([[org.rep.id, false], [colleague.id, true]]);
    expect((await answer(org.rep)).status).toBe(409);
    expect((await call(system.app, 'POST', `/api/retrospectives/${retro.id}/finalize`, {}, { as: org.rep })).status).toBe(409);
    await eventually(async () => expect((await call(system.app, 'GET', `/api/projects/${p.id}`)).body.phase).toBe('closed'));
    await recordHistory(system.client, retrospectiveWorkflowId(p.id), 'retrospective-reminded-late-answer-finalized');
    await recordHistory(system.client, `sales-project-${p.id}`, 'lifecycle-won-early-retrospective-finalized');

    const followUp = await project(org, {});
    const tasks = await call(system.app, 'POST', `/api/retrospectives/${retro.id}/action-items/tasks`, { followUpProjectId: followUp.id, items: [{ title: 'Weekly pipeline review', assigneeId: colleague.id }] }, { as: org.rep });
    expect(tasks.status, JSON.stringify(tasks.body)).toBe(201);
    const created = await system.db.selectFrom('tasks').select(['title', 'assigneeId']).where('projectId', '=', followUp.id).execute();
    expect(created).toEqual([{ title: 'Weekly pipeline review', assigneeId: colleague.id }]);
  });
});
