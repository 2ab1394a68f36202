import { expect, it } from 'vitest';
import { createOrgChart, createProjectWithMilestone } from '../support/factories';
import { call, eventually, untilPassed } from '../support/http';
import { flowRunWorkflowId } from '../../workflows/task-queue';
import { useSystem } from '../support/system';

const system = useSystem();

it('keeps an escalation wait across a worker restart, without losing or repeating it', async () => {
  const org = await createOrgChart(system.app);
  const p = await createProjectWithMilestone(system.app, org, { dueInSeconds: 1, target: 500, ackTimeoutSeconds: 6 });
  const escalations = async () => (await call(system.app, 'GET', `/api/projects/${p.id}`)).body.escalations as { level: number; id: string }[];

  await eventually(async () => expect(await escalations()).toHaveLength(1));
  // Stop only once the run waits on its timer: an activity task handed to a worker as it stops is
  // retried only after its start-to-close timeout (a minute), which is not what this test is about.
  const [request] = await eventually(async () => {
    const pending = (await call(system.app, 'GET', `/api/users/${org.manager.id}/approvals?status=pending`)).body as { dueAt: string }[];
    expect(pending).toHaveLength(1);
    return pending;
  });
  // …and has nothing out: the approval request is written by a local activity inside a workflow
  // task that may still be running when the request shows (pending activities do not list local
  // ones), and a message's chat copies go out in an activity of their own.
  const flowRun = system.client.workflow.getHandle(flowRunWorkflowId(p.id, 'milestone_missed', p.milestones[0]!.id));
  await eventually(async () => {
    const { raw } = await flowRun.describe();
    expect(raw.pendingWorkflowTask ?? null).toBeNull();
    expect(raw.pendingActivities ?? []).toHaveLength(0);
    expect(((await flowRun.fetchHistory()).events ?? []).some((e) => e.timerStartedEventAttributes)).toBe(true);
  });
  await system.stopWorker();
  await untilPassed(request!.dueAt); // the acknowledgement timer fires on the server while no worker runs
  await system.startWorker();

  // The durable timer fires on the new worker: level 2 appears once, level 1 is not repeated.
  const afterRestart = await eventually(async () => {
    const rows = await escalations();
    expect(rows.map((e) => e.level)).toEqual([1, 2]);
    return rows;
  }, { timeoutMs: 30_000 });
  // The director acknowledges once the request has reached their inbox.
  await eventually(async () => expect((await call(system.app, 'GET', `/api/users/${org.director.id}/approvals?status=pending`)).body).toHaveLength(1));
  const ack = await call(system.app, 'POST', `/api/escalations/${afterRestart[1]!.id}/ack`, {}, { as: org.director });
  expect(ack.status, JSON.stringify(ack.body)).toBe(200);
  // The flow ends once acknowledged: no level 3, and level 1 is not asked again.
  await flowRun.result();
  expect((await escalations()).map((e) => e.level)).toEqual([1, 2]);
  const inbox = await call(system.app, 'GET', `/api/users/${org.manager.id}/inbox`);
  expect(inbox.body).toHaveLength(1);
});
