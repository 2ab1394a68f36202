import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { App } from '../../api/app';
import type { Db } from '../../db/connect';
import { createOrgChart, createProjectWithMilestone, inSeconds, type OrgChart } from '../support/factories';
import { closingReviewOf } from '../support/flow-runs';
import { call } from '../support/http';
import type { Identity } from '../support/identities';
import { createUser } from '../support/people';

/**
 * The people of the authorization tests, each standing differently to one project:
 * its owner (a member by role), a member on it, a viewer on it, the owner's manager, somebody
 * with nothing to do with it, ops, an admin — and nobody at all.
 */
export const actors = ['anonymous', 'outsider', 'viewer', 'member', 'owner', 'manager', 'ops', 'admin'] as const;
export type Actor = (typeof actors)[number];

export const signedIn: readonly Actor[] = actors.filter((a) => a !== 'anonymous');
export const projectReaders: readonly Actor[] = ['viewer', 'member', 'owner', 'manager', 'ops', 'admin'];
export const projectWorkers: readonly Actor[] = ['member', 'owner', 'manager', 'admin'];
export const projectPlanners: readonly Actor[] = ['owner', 'manager', 'admin'];
export const opsAndAdmin: readonly Actor[] = ['ops', 'admin'];
export const adminOnly: readonly Actor[] = ['admin'];

export const password = 'matrix password one';

export interface World {
  app: App;
  db: Db;
  org: OrgChart;
  people: Record<Exclude<Actor, 'anonymous'>, Identity & { id: string }>;
  as(actor: Actor): Identity | null;
  /** A project in planning (its lifecycle running) with the owner, member and viewer on it. */
  planningProject(): Promise<string>;
  /** The same, submitted and approved: in execution; with its one milestone. */
  executionProject(): Promise<{ id: string; milestoneId: string }>;
  /** The same, its milestone due in two seconds without a KPI: the owner's manager is escalated to. */
  escalatedProject(): Promise<string>;
  /** The same, closed early, with its closing review started. */
  closedProjectReview(): Promise<{ projectId: string; retrospectiveId: string }>;
}

export async function createWorld(app: App, db: Db): Promise<World> {
  const org = await createOrgChart(app);
  const member = await createUser(app, 'Member', org.manager.id, 'member');
  const viewer = await createUser(app, 'Viewer', null, 'viewer');
  const outsider = await createUser(app, 'Outsider', null, 'member');
  const ops = await createUser(app, 'Ops', null, 'ops');
  // An admin of this world's own: other test files run at the same time as the suite's admin, so
  // "what did this person write" must be asked of someone only this file acts as.
  const ownAdmin = await createUser(app, 'Admin', null, 'admin');
  const people = { outsider, viewer, member, owner: org.rep, manager: org.manager, ops, admin: ownAdmin };
  for (const person of Object.values(people)) {
    const set = await call(app, 'PATCH', `/api/users/${person.id}`, { password });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
  }

  async function addMembers(projectId: string) {
    const res = await call(app, 'PUT', `/api/projects/${projectId}/members`, {
      members: [
        { userId: org.rep.id, role: 'owner' },
        { userId: member.id, role: 'member' },
        { userId: viewer.id, role: 'viewer' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  const world: World = {
    app,
    db,
    org,
    people,
    as: (actor) => (actor === 'anonymous' ? null : people[actor]),
    async planningProject() {
      const res = await call(app, 'POST', '/api/projects', {
        name: `Matrix ${randomUUID().slice(0, 8)}`,
        ownerId: org.rep.id,
        periodStart: inSeconds(-60),
        periodEnd: inSeconds(30 * 86_400),
        milestones: [{ name: 'Later', dueAt: inSeconds(20 * 86_400), metric: 'revenue', targetValue: 1000, ownerId: org.rep.id }],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      await addMembers(res.body.id);
      return res.body.id;
    },
    async executionProject() {
      const project = await createProjectWithMilestone(app, org, { dueInSeconds: 20 * 86_400 });
      await addMembers(project.id);
      return { id: project.id, milestoneId: project.milestones[0]!.id };
    },
    async escalatedProject() {
      const project = await createProjectWithMilestone(app, org, { dueInSeconds: 2, ackTimeoutSeconds: 600 });
      await addMembers(project.id);
      return project.id;
    },
    async closedProjectReview() {
      const { id: projectId } = await world.executionProject();
      const closed = await call(app, 'POST', `/api/projects/${projectId}/close`, { outcome: 'won' });
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);
      const review = await closingReviewOf(app, projectId);
      return { projectId, retrospectiveId: review.id };
    },
  };
  return world;
}
