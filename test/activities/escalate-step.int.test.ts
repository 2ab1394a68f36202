import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { systemClock } from '../../activities/clock';
import { createFlowActivities } from '../../activities/flow/flow-activities';
import { createOrgChart, createProjectWithMilestone } from '../support/factories';
import { createUser } from '../support/people';
import { capturingMailer, useSystem } from '../support/system';

const system = useSystem({ worker: false });

it('answers an escalate step run again with the person its first run wrote, though the org chart moved in between', async () => {
  const org = await createOrgChart(system.app);
  const project = await createProjectWithMilestone(system.app, org, { dueInSeconds: 3600, submit: false });
  const milestoneId = project.milestones[0]!.id;
  const { id: flowVersionId } = await system.db.selectFrom('flow_versions').select('id').orderBy('publishedAt', 'desc').limit(1).executeTakeFirstOrThrow();
  const acts = createFlowActivities({ db: system.db, clock: systemClock, mailer: capturingMailer() });
  const runId = await acts.registerRun({ workflowId: `test-run-${randomUUID()}`, flowVersionId, projectId: project.id, event: 'milestone_missed', subjectId: milestoneId });
  const step = { runId, projectId: project.id, event: 'milestone_missed' as const, subjectId: milestoneId, level: 1 };

  expect(await acts.escalate(step)).toMatchObject({ id: org.manager.id });
  // The rep moves to another manager before the step runs again (a retry, or its workflow task run again).
  const other = await createUser(system.app, 'Other manager', org.director.id, 'manager');
  await system.db.updateTable('users').set({ managerId: other.id }).where('id', '=', org.rep.id).execute();

  expect(await acts.escalate(step)).toMatchObject({ id: org.manager.id, name: 'Manager' });
  const rows = await system.db.selectFrom('escalations').select(['level', 'recipientId']).where('milestoneId', '=', milestoneId).execute();
  expect(rows).toEqual([{ level: 1, recipientId: org.manager.id }]);
});
