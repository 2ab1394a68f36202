import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { App } from '../../api/app';
import { milestoneMissEscalationFlow } from '../../workflows/flow/default-flows';
import { call } from './http';

export interface OrgChart {
  ceo: { id: string };
  director: { id: string };
  manager: { id: string };
  rep: { id: string };
}

async function user(app: App, name: string, managerId: string | null) {
  const res = await call(app, 'POST', '/api/users', { name, email: `${name.toLowerCase()}-${randomUUID()}@example.com`, managerId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

/** A fresh four-level chain (rep → manager → director → CEO) of this test's own. */
export async function createOrgChart(app: App): Promise<OrgChart> {
  const ceo = await user(app, 'Ceo', null);
  const director = await user(app, 'Director', ceo.id);
  const manager = await user(app, 'Manager', director.id);
  const rep = await user(app, 'Rep', manager.id);
  return { ceo, director, manager, rep };
}

export const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

/** A project whose single revenue milestone falls due `dueInSeconds` from now. */
export async function createProjectWithMilestone(
  app: App,
  org: OrgChart,
  { dueInSeconds = 3, target = 1000, ackTimeoutSeconds = 3 } = {},
) {
  const flowId = await publishEscalationFlow(app, ackTimeoutSeconds);
  const res = await call(app, 'POST', '/api/projects', {
    name: `Q-push ${randomUUID().slice(0, 8)}`,
    ownerId: org.rep.id,
    periodStart: inSeconds(-60),
    periodEnd: inSeconds(dueInSeconds + 1),
    milestones: [{ name: 'First deals', dueAt: inSeconds(dueInSeconds), metric: 'revenue', targetValue: target, ownerId: org.rep.id }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const bound = await call(app, 'PUT', '/api/flow-bindings', { triggerEvent: 'milestone_missed', projectId: res.body.id, flowId });
  expect(bound.status, JSON.stringify(bound.body)).toBe(200);
  return res.body as { id: string; milestones: { id: string }[] };
}

/**
 * The default escalation flow with an acknowledgement window of a few seconds, published as a
 * flow of this test's own, so tests see real timeouts without waiting 48 hours.
 */
export async function publishEscalationFlow(app: App, ackTimeoutSeconds: number): Promise<string> {
  const document = structuredClone(milestoneMissEscalationFlow);
  document.name = `Escalation ${randomUUID().slice(0, 8)} (${ackTimeoutSeconds} s)`;
  for (const node of document.nodes) {
    if (node.kind === 'wait_for_ack') node.config.timeout = { amount: ackTimeoutSeconds, unit: 'seconds' };
  }
  const created = await call(app, 'POST', '/api/flows', { draft: document });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await call(app, 'POST', `/api/flows/${created.body.id}/publish`, {});
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  return created.body.id as string;
}
