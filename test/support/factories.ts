import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { App } from '../../api/app';
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
  const res = await call(app, 'POST', '/api/projects', {
    name: `Q-push ${randomUUID().slice(0, 8)}`,
    ownerId: org.rep.id,
    periodStart: inSeconds(-60),
    periodEnd: inSeconds(dueInSeconds + 1),
    escalationAckTimeoutSeconds: ackTimeoutSeconds,
    milestones: [{ name: 'First deals', dueAt: inSeconds(dueInSeconds), metric: 'revenue', targetValue: target, ownerId: org.rep.id }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; milestones: { id: string }[] };
}
