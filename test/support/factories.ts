import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { App } from '../../api/app';
import { milestoneMissEscalationFlow } from '../../workflows/flow/default-flows';
import type { FlowDocument } from '../../workflows/flow/graph-schema';
import { call, created, eventually } from './http';
import type { Identity } from './identities';
import { createUser, type Person } from './people';

export interface OrgChart {
  ceo: Person;
  director: Person;
  manager: Person;
  rep: Person;
}

/** A fresh four-level chain (rep → manager → director → CEO) of this test's own; all but the rep are managers. */
export async function createOrgChart(app: App): Promise<OrgChart> {
  const ceo = await createUser(app, 'Ceo', null, 'manager');
  const director = await createUser(app, 'Director', ceo.id, 'manager');
  const manager = await createUser(app, 'Manager', director.id, 'manager');
  const rep = await createUser(app, 'Rep', manager.id, 'member');
  return { ceo, director, manager, rep };
}

/** A project as an admin reads it (GET /api/projects/{id}); fails the test unless it is there. */
export async function readProject(app: App, id: string) {
  const res = await call(app, 'GET', `/api/projects/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

export const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

/**
 * Creates a project owned by `ownerId`, named `prefix` plus a random suffix, in planning over the
 * next hour with no milestones unless `fields` says otherwise; fails the test unless it is created.
 */
export async function createProject<Body = { id: string; name: string }>(app: App, ownerId: string, prefix: string, fields: Record<string, unknown> = {}): Promise<Body> {
  return created<Body>(app, '/api/projects', {
    name: `${prefix} ${randomUUID().slice(0, 8)}`,
    ownerId,
    periodStart: inSeconds(-60),
    periodEnd: inSeconds(3600),
    milestones: [],
    ...fields,
  });
}

/**
 * A project whose single revenue milestone falls due `dueInSeconds` from now. Unless `submit` is
 * false, its plan is submitted and approved (by a per-project flow that approves at once) and
 * the project is in execution when this returns.
 */
export async function createProjectWithMilestone(
  app: App,
  org: OrgChart,
  { dueInSeconds = 3, target = 1000, ackTimeoutSeconds = 3, submit = true } = {},
) {
  const flowId = await publishEscalationFlow(app, ackTimeoutSeconds);
  const project = await createProject<{ id: string; milestones: { id: string }[] }>(app, org.rep.id, 'Q-push', {
    periodEnd: inSeconds(dueInSeconds + 1),
    monitoringDays: 0,
    milestones: [{ name: 'First deals', dueAt: inSeconds(dueInSeconds), metric: 'revenue', targetValue: target, ownerId: org.rep.id }],
  });
  await bind(app, 'milestone_missed', project.id, flowId);
  if (submit) await startExecution(app, project.id, org.rep);
  return project;
}

/** A flow that approves at once whatever starts it, for tests about what comes after approval. */
export function approveAtOnce(event: 'plan_submitted' | 'change_requested'): FlowDocument {
  return {
    schemaVersion: 1,
    name: `Approve ${event} at once`,
    nodes: [
      { id: 'start', kind: 'trigger', config: { event }, position: { x: 0, y: 0 } },
      { id: 'approved', kind: 'end', config: { result: 'approved' }, position: { x: 200, y: 0 } },
    ],
    edges: [{ id: 'e1', source: 'start', sourcePort: 'next', target: 'approved', targetPort: 'in' }],
  };
}

/** Submits the plan as `as` (approved at once by a per-project flow) and waits until execution. */
export async function startExecution(app: App, projectId: string, as: Identity): Promise<void> {
  await bind(app, 'plan_submitted', projectId, await publishFlow(app, approveAtOnce('plan_submitted')));
  const submitted = await call(app, 'POST', `/api/projects/${projectId}/submit`, {}, { as });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
  // The lifecycle (written by the workflow once it holds the new phase), not the project's phase
  // column (written just before): a change request sent in between would find it still planning.
  await eventually(async () => expect((await call(app, 'GET', `/api/projects/${projectId}`)).body.lifecycle.phase).not.toBe('planning'), { timeoutMs: 10_000, intervalMs: 50 });
}

export async function bind(app: App, triggerEvent: string, projectId: string, flowId: string): Promise<void> {
  const bound = await call(app, 'PUT', '/api/flow-bindings', { triggerEvent, projectId, flowId });
  expect(bound.status, JSON.stringify(bound.body)).toBe(200);
}

/** Creates and publishes a flow of the test's own (a unique name); returns its id. */
export async function publishFlow(app: App, document: FlowDocument): Promise<string> {
  const draft = { ...structuredClone(document), name: `${document.name} ${randomUUID().slice(0, 8)}` };
  const created = await call(app, 'POST', '/api/flows', { draft });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await call(app, 'POST', `/api/flows/${created.body.id}/publish`, {});
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  return created.body.id as string;
}

/**
 * The default escalation flow with an acknowledgement window of a few seconds, published as a
 * flow of this test's own, so tests see real timeouts without waiting 48 hours.
 */
export async function publishEscalationFlow(app: App, ackTimeoutSeconds: number): Promise<string> {
  const document = structuredClone(milestoneMissEscalationFlow);
  document.name = `Escalation (${ackTimeoutSeconds} s)`;
  for (const node of document.nodes) {
    if (node.kind === 'wait_for_ack') node.config.timeout = { amount: ackTimeoutSeconds, unit: 'seconds' };
  }
  return publishFlow(app, document);
}

/**
 * The smallest flow on a trigger: tell the project owner `subject` (unique per test, to find it in
 * the inbox), with `message` (templates of the event's variables allowed), then end.
 */
export function notifyOwnerFlow(trigger: { event: string } & Record<string, unknown>, subject: string, message = 'Raised for {{project.name}}.'): FlowDocument {
  return {
    schemaVersion: 1,
    name: `Tell the owner on ${trigger.event}`,
    nodes: [
      { id: 'start', kind: 'trigger', config: trigger as never, position: { x: 0, y: 0 } },
      { id: 'tell', kind: 'notify', config: { recipient: { kind: 'project_owner' }, channel: 'inbox', subject, message }, position: { x: 200, y: 0 } },
      { id: 'done', kind: 'end', config: { result: 'done' }, position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'next', target: 'tell', targetPort: 'in' },
      { id: 'e2', source: 'tell', sourcePort: 'next', target: 'done', targetPort: 'in' },
    ],
  };
}
