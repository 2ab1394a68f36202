import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../workflows/flow/graph-schema';
import { createOrgChart, inSeconds } from '../support/factories';
import { closeProject, finishedRun, flowRunOf, inboxSubjects, portsOf, runOnPlanSubmitted, runToTheEnd } from '../support/flow-runs';
import { call, eventually } from '../support/http';
import { createUser } from '../support/people';
import { document, endWith, onPlanSubmitted, tellOwner } from '../support/flow-shapes';
import { useSystem } from '../support/system';

const system = useSystem();

/** plan_submitted → "does the plan have milestones?" → yes: rejected, no: approved. */
const conditionFlow = (): FlowDocument =>
  document(
    'Condition step',
    [
      onPlanSubmitted(),
      { id: 'check', kind: 'condition', config: { rule: { '>': [{ var: 'plan.milestoneCount' }, 0] } } },
      endWith('has_milestones', 'rejected'),
      endWith('no_milestones', 'approved'),
    ],
    [
      ['start', 'next', 'check'],
      ['check', 'true', 'has_milestones'],
      ['check', 'false', 'no_milestones'],
    ],
  );

/**
 * plan_submitted → escalate one level above the owner → that person acknowledges (inbox) →
 * approved; unacknowledged → rejected; nobody above → tell the owner → rejected.
 */
const escalationFlow = (ackSeconds: number): FlowDocument =>
  document(
    'Escalate and wait',
    [
      onPlanSubmitted(),
      { id: 'up', kind: 'escalate', config: {} },
      {
        id: 'ack',
        kind: 'wait_for_ack',
        config: {
          recipient: { kind: 'escalation_recipient', fallback: { kind: 'project_owner' } },
          channel: 'inbox',
          subject: 'Level {{escalation.level}}: {{project.name}}',
          message: 'Hello {{recipient.name}}, please acknowledge.',
          timeout: { amount: ackSeconds, unit: 'seconds' },
        },
      },
      endWith('acknowledged', 'approved'),
      endWith('unanswered', 'rejected'),
      tellOwner('tell_owner', 'Nobody above you for {{project.name}}'),
      endWith('top', 'rejected'),
    ],
    [
      ['start', 'next', 'up'],
      ['up', 'next', 'ack'],
      ['ack', 'acknowledged', 'acknowledged'],
      ['ack', 'timed_out', 'unanswered'],
      ['up', 'top_reached', 'tell_owner'],
      ['tell_owner', 'next', 'top'],
    ],
  );

const lifecycle = async (projectId: string) => (await call(system.app, 'GET', `/api/projects/${projectId}`)).body.lifecycle as { phase: string; planRejection: string | null };

describe('trigger, condition, end, escalate, wait for acknowledgement and notify on the real engine', () => {
  it('starts at the trigger, goes along "true" when the rule holds, and the end it reaches reports its result', async () => {
    const org = await createOrgChart(system.app);
    const milestone = { name: 'First deals', dueAt: inSeconds(10 * 86_400), metric: 'revenue', targetValue: 100, ownerId: org.rep.id };
    const { projectId, run } = await runToTheEnd(system, org, conditionFlow(), { milestones: [milestone] });
    expect(run.path.map((step) => [step.nodeId, step.port])).toEqual([
      ['start', 'next'],
      ['check', 'true'],
      ['has_milestones', undefined],
    ]);
    expect(run.result).toBe('rejected');
    await eventually(async () => expect((await lifecycle(projectId)).planRejection).toBe('The plan was rejected.'));
    expect((await lifecycle(projectId)).phase).toBe('planning');
    await closeProject(system, projectId, org.rep);
  });

  it('goes along "false" when the rule does not hold, and the end it reaches reports its result', async () => {
    const org = await createOrgChart(system.app);
    const { projectId, run } = await runToTheEnd(system, org, conditionFlow());
    expect(portsOf(run, 'check')).toEqual(['false']);
    expect(run.path.at(-1)).toMatchObject({ nodeId: 'no_milestones', kind: 'end' });
    expect(run.result).toBe('approved');
    await eventually(async () => expect((await lifecycle(projectId)).phase).toBe('execution'));
    await closeProject(system, projectId, org.rep);
  });

  it('escalates to the owner’s manager, who is asked to acknowledge in the inbox and does, so the flow goes along "acknowledged"', async () => {
    const org = await createOrgChart(system.app);
    const { projectId, projectName } = await runOnPlanSubmitted(system, org, escalationFlow(300));
    const [request] = await eventually(async () => {
      const res = await call(system.app, 'GET', `/api/users/${org.manager.id}/approvals?status=pending`, undefined, { as: org.manager });
      expect(res.body).toHaveLength(1);
      return res.body as { id: string; kind: string }[];
    });
    expect(request!.kind).toBe('acknowledgement');
    // The inbox item is written by its own step, not with the request's row.
    await eventually(async () => expect(await inboxSubjects(system, org.manager.id)).toEqual([`Level 1: ${projectName}`]));
    const acked = await call(system.app, 'POST', `/api/approvals/${request!.id}/decision`, { decision: 'acknowledge' }, { as: org.manager });
    expect(acked.status, JSON.stringify(acked.body)).toBe(200);
    const run = await finishedRun(system, (await flowRunOf(system, projectId)).id);
    expect([portsOf(run, 'up'), portsOf(run, 'ack')]).toEqual([['next'], ['acknowledged']]);
    expect(run.result).toBe('approved');
    expect(await inboxSubjects(system, org.director.id)).toEqual([]);
    await closeProject(system, projectId, org.rep);
  });

  it('goes along "timed_out" when the escalation is not acknowledged in time, and closes the request', async () => {
    const org = await createOrgChart(system.app);
    const { projectId, run } = await runToTheEnd(system, org, escalationFlow(2));
    expect([portsOf(run, 'up'), portsOf(run, 'ack')]).toEqual([['next'], ['timed_out']]);
    expect(run.result).toBe('rejected');
    const requests = (await call(system.app, 'GET', `/api/users/${org.manager.id}/approvals`)).body as { status: string }[];
    expect(requests.map((r) => r.status)).toEqual(['timed_out']);
    await closeProject(system, projectId, org.rep);
  });

  it('goes along "top_reached" when nobody is above the owner, and the notify step tells the owner in the inbox', async () => {
    const top = await createUser(system.app, `Top ${randomUUID().slice(0, 6)}`, null, 'manager');
    const org = { rep: top };
    const { projectId, projectName, run } = await runToTheEnd(system, org, escalationFlow(300));
    expect([portsOf(run, 'up'), portsOf(run, 'tell_owner')]).toEqual([['top_reached'], ['next']]);
    expect(run.path.find((step) => step.nodeId === 'tell_owner' && step.note)?.note).toBe('told 1 person');
    expect(await inboxSubjects(system, top.id)).toContain(`Nobody above you for ${projectName}`);
    expect(run.result).toBe('rejected');
    await closeProject(system, projectId, top);
  });
});
