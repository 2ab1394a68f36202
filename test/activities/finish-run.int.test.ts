import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { systemClock } from '../../activities/clock';
import { createFlowActivities } from '../../activities/flow/flow-activities';
import { createOrgChart, createProjectWithMilestone } from '../support/factories';
import { capturingMailer, useSystem } from '../support/system';

const system = useSystem({ worker: false });

it('cancels a request its run left pending when the run finishes, so nobody is asked for an answer no run waits on', async () => {
  const org = await createOrgChart(system.app);
  const project = await createProjectWithMilestone(system.app, org, { dueInSeconds: 3600, submit: false });
  const { id: flowVersionId } = await system.db.selectFrom('flow_versions').select('id').orderBy('publishedAt', 'desc').limit(1).executeTakeFirstOrThrow();
  const acts = createFlowActivities({ db: system.db, clock: systemClock, mailer: capturingMailer() });
  const runId = await acts.registerRun({ workflowId: `test-run-${randomUUID()}`, flowVersionId, projectId: project.id, event: 'milestone_missed', subjectId: project.milestones[0]!.id });
  // A request the run opened and then stopped tracking: its workflow task ran again and asked someone else.
  const [manager] = await acts.resolvePeople({ projectId: project.id, rule: { kind: 'user', userId: org.manager.id }, context: {} });
  const [opened] = await acts.openRequests({
    runId,
    projectId: project.id,
    nodeId: 'ack',
    stepKey: 'ack:1:0',
    kind: 'acknowledgement',
    people: [manager!],
    dueAt: new Date(Date.now() + 3_600_000).toISOString(),
    spec: { channel: 'inbox', subject: 'Missed', message: 'A milestone was missed' },
    context: {},
  });

  await acts.finishRun({ runId, status: 'completed' });
  const request = await system.db.selectFrom('approval_requests').select(['status', 'decidedAt']).where('id', '=', opened!.requestId).executeTakeFirstOrThrow();
  expect(request.status).toBe('cancelled');
  expect(request.decidedAt).not.toBeNull();
  expect((await system.db.selectFrom('flow_runs').select('status').where('id', '=', runId).executeTakeFirstOrThrow()).status).toBe('completed');
});
