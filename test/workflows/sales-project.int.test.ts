import { describe, expect, it } from 'vitest';
import { createOrgChart, createProjectWithMilestone, startExecution } from '../support/factories';
import { call, eventually } from '../support/http';
import { localActivityType, recordHistory, scheduledActivityType } from '../support/histories';
import { tokenFor } from '../support/identities';
import { createUser } from '../support/people';
import { flowRunWorkflowId } from '../../workflows/task-queue';
import { useSystem } from '../support/system';

const system = useSystem();

async function project(id: string) {
  const res = await call(system.app, 'GET', `/api/projects/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

describe('the sales project lifecycle on the real engine', () => {
  it('records a met milestone and escalates nobody', async () => {
    const org = await createOrgChart(system.app);
    // Reported while planning, so the check at the due time counts them however long starting takes.
    const p = await createProjectWithMilestone(system.app, org, { dueInSeconds: 2, target: 1000, submit: false });
    await call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric: 'revenue', value: 600 }, { as: org.rep });
    await call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric: 'revenue', value: '400.00' }, { as: org.rep });
    await startExecution(system.app, p.id, org.rep);

    const done = await eventually(async () => {
      const body = await project(p.id);
      expect(body.lifecycle.phase).toBe('closing_review');
      return body;
    });
    expect(done.milestones[0]).toMatchObject({ status: 'met', actualValue: '1000.00' });
    expect(done.escalations).toEqual([]);
    expect(done.status).toBe('closed');
  });

  it('escalates a missed milestone once to the owner’s manager, checked and its flow started in one workflow task, the flow’s steps run inside its workflow tasks, and an acknowledgement stops it', async () => {
    const org = await createOrgChart(system.app);
    // Reported while planning, so the missed check counts it; the manager has ample time to acknowledge.
    const p = await createProjectWithMilestone(system.app, org, { dueInSeconds: 2, target: 1000, ackTimeoutSeconds: 10, submit: false });
    await call(system.app, 'POST', `/api/projects/${p.id}/kpi-reports`, { metric: 'revenue', value: 10 }, { as: org.rep });
    await startExecution(system.app, p.id, org.rep);

    const escalation = await eventually(async () => {
      const body = await project(p.id);
      expect(body.escalations).toHaveLength(1);
      return body.escalations[0];
    });
    expect(escalation).toMatchObject({ level: 1, recipientId: org.manager.id, acknowledgedAt: null });
    // The check at the due time and the lookups of the bound flow run inside one workflow task
    // (local activities, recorded as markers), and that task starts the flow run.
    const events = (await system.client.workflow.getHandle(`sales-project-${p.id}`).fetchHistory()).events ?? [];
    const missedFlow = flowRunWorkflowId(p.id, 'milestone_missed', p.milestones[0]!.id);
    const flowStarted = events.findIndex((e) => e.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId === missedFlow);
    const checks = ['checkMilestone', 'findBoundFlow', 'buildFlowContext'];
    const taskStarted = events.slice(0, flowStarted).findLastIndex((e) => e.workflowTaskStartedEventAttributes);
    const task = events.slice(taskStarted, flowStarted);
    expect(task.map(localActivityType).filter((name) => checks.includes(name!))).toEqual(checks);
    expect(task.map(scheduledActivityType).filter((name) => checks.includes(name!))).toEqual([]);
    // The lifecycle's page row learns of the miss in that task too (written beside the lookups, so
    // its marker may come before the flow run's start or after it).
    const nextTask = events.findIndex((e, i) => i > flowStarted && e.workflowTaskScheduledEventAttributes);
    expect(events.slice(taskStarted, nextTask === -1 ? undefined : nextTask).map(localActivityType)).toContain('recordLifecycleState');
    const inbox = await eventually(async () => {
      const items = (await call(system.app, 'GET', `/api/users/${org.manager.id}/inbox`)).body;
      expect(items).toHaveLength(1);
      return items;
    });
    expect(inbox[0]).toMatchObject({ kind: 'acknowledgement_request', payload: { channel: 'inbox' } });
    expect(inbox[0].payload.message).toContain('10 of 1000 revenue');

    const ack = await call(system.app, 'POST', `/api/escalations/${escalation.id}/ack`, {}, { as: org.manager });
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    expect(ack.body.acknowledgedBy).toBe(org.manager.id);

    // The escalation flow ends once acknowledged: nothing may go further up.
    await system.client.workflow.getHandle(flowRunWorkflowId(p.id, 'milestone_missed', p.milestones[0]!.id)).result();
    // The flow run registers itself, writes the escalation and asks the manager in the inbox
    // inside its workflow tasks (local activities); with no chat channel there is no chat to send,
    // so nothing is scheduled through the server.
    const runEvents = (await system.client.workflow.getHandle(missedFlow).fetchHistory()).events ?? [];
    expect(runEvents.map(localActivityType).filter(Boolean).slice(0, 5)).toEqual(['registerRun', 'escalate', 'resolvePeople', 'openRequests', 'chatQueued']);
    expect(runEvents.map(scheduledActivityType).filter(Boolean)).toEqual([]);
    const after = await eventually(async () => {
      const state = await project(p.id);
      expect(state.lifecycle.phase).toBe('closing_review');
      return state;
    });
    expect(after.escalations).toHaveLength(1);
    expect((await call(system.app, 'GET', `/api/users/${org.director.id}/inbox`)).body).toEqual([]);
    await recordHistory(system.client, `flow-run-${p.id}-milestone_missed-${p.milestones[0]!.id}`, 'escalation-acknowledged-at-level-1');
    await recordHistory(system.client, `sales-project-${p.id}`, 'lifecycle-milestone-missed-checked-in-one-task');
  });

  it('lets only the escalation’s recipient acknowledge it', async () => {
    const org = await createOrgChart(system.app);
    const outsider = await createUser(system.app, 'Outsider');
    const ops = await createUser(system.app, 'Ops', null, 'ops');
    const p = await createProjectWithMilestone(system.app, org, { dueInSeconds: 1, target: 1000, ackTimeoutSeconds: 60 });
    const escalation = await eventually(async () => {
      const body = await project(p.id);
      expect(body.escalations).toHaveLength(1);
      return body.escalations[0] as { id: string; recipientId: string };
    });
    expect(escalation.recipientId).toBe(org.manager.id);
    await eventually(async () => expect((await call(system.app, 'GET', `/api/users/${org.manager.id}/approvals?status=pending`, undefined, { as: org.manager })).body).toHaveLength(1));

    // The owner, the recipient's own manager and ops may read the project: they hear why (403).
    // Someone outside it may not even see the escalation (404).
    const ack = (as: { token: string }, body?: unknown) => call(system.app, 'POST', `/api/escalations/${escalation.id}/ack`, body, { as });
    for (const [who, status] of [[org.rep, 403], [org.director, 403], [ops, 403], [outsider, 404]] as const) {
      const refused = await ack(who, {});
      expect(refused.status, `${who.name}: ${JSON.stringify(refused.body)}`).toBe(status);
    }
    expect((await ack(await tokenFor(org.manager.id, 'viewer'))).status).toBe(403); // a read-only token of the recipient
    expect((await ack(org.manager, { userId: org.manager.id })).status).toBe(400); // the body names nobody
    expect((await project(p.id)).escalations).toEqual([expect.objectContaining({ id: escalation.id, acknowledgedAt: null })]);
    const open = await call(system.app, 'GET', `/api/users/${org.manager.id}/approvals?status=pending`);
    expect(open.body).toHaveLength(1);

    const acknowledged = await ack(org.manager); // no body at all
    expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(200);
    expect(acknowledged.body).toMatchObject({ id: escalation.id, acknowledgedBy: org.manager.id });
    expect((await call(system.app, 'GET', `/api/approvals/${open.body[0].id}`, undefined, { as: org.manager })).body.status).toBe('acknowledged');
  });

  it('goes one level up when nobody acknowledges in time, up to three levels, then tells the owner', async () => {
    const org = await createOrgChart(system.app);
    const p = await createProjectWithMilestone(system.app, org, { dueInSeconds: 1, target: 1000, ackTimeoutSeconds: 2 });

    const levels = await eventually(async () => {
      const body = await project(p.id);
      expect(body.escalations).toHaveLength(3);
      return body.escalations;
    }, { timeoutMs: 40_000 });
    expect(levels.map((e: { level: number; recipientId: string }) => [e.level, e.recipientId])).toEqual([
      [1, org.manager.id],
      [2, org.director.id],
      [3, org.ceo.id],
    ]);
    // Nobody acknowledged at the third level: the flow tells the owner and ends; nothing is left open.
    await eventually(async () => expect((await project(p.id)).lifecycle.phase).toBe('closing_review'), { timeoutMs: 20_000 });
    const ownerInbox = (await call(system.app, 'GET', `/api/users/${org.rep.id}/inbox`)).body;
    expect(ownerInbox.map((i: { payload: { subject: string } }) => i.payload.subject)).toContain('Escalation unanswered: First deals');
    const late = await call(system.app, 'POST', `/api/escalations/${levels[0].id}/ack`, {}, { as: org.manager });
    expect(late.status).toBe(409);
    await recordHistory(system.client, `flow-run-${p.id}-milestone_missed-${p.milestones[0]!.id}`, 'escalation-unanswered-to-the-top');
  });
});
