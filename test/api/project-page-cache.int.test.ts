import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPages } from '../../api/project-pages';
import { startApiReplica, whileOthersWrite, type ApiReplica as Replica } from '../support/api-replicas';
import { writeLifecycleState } from '../../db/queries/project-lifecycles';
import { newLifecycleState } from '../../workflows/sales-project-messages';
import { createOrgChart, createProject, inSeconds, type OrgChart } from '../support/factories';
import { call } from '../support/http';
import type { Identity } from '../support/identities';
import { createUser } from '../support/people';
import { useSystem } from '../support/system';

// Two replicas of the API over one database, each keeping project pages (api/project-pages.ts), as
// two processes behind a load balancer would. A page kept on one must never be served once anything
// it shows has changed, whoever changed it: the other replica, a workflow's activity, or SQL.
const system = useSystem({ worker: false });

const startReplica = (pages?: { max: number }) =>
  startApiReplica(system, pages ? { deps: (db) => ({ projectPages: projectPages(db, system.client, pages) }) } : {});

let a: Replica;
let b: Replica;
let org: OrgChart;
beforeAll(async () => {
  [a, b] = await Promise.all([startReplica(), startReplica()]);
  org = await createOrgChart(system.app);
});
afterAll(async () => {
  for (const replica of [a, b]) await replica?.close();
});

/** The project page on a replica as `as` reads it, with how many statements the read sent there. */
async function readOn(replica: Replica, projectId: string, as: Identity = org.manager) {
  const before = replica.statements.queries;
  const res = await call(replica.app, 'GET', `/api/projects/${projectId}`, undefined, { as });
  return { status: res.status, body: res.body, statements: replica.statements.queries - before };
}

/** A project of the rep's with two milestones, read once on B so that B keeps its page. */
async function projectKeptOnB() {
  const project = await createProject<{ id: string; milestones: { id: string }[] }>(system.app, org.rep.id, 'Kept page', {
    milestones: [
      { name: 'First', dueAt: inSeconds(1200), metric: 'revenue', targetValue: 100, ownerId: org.rep.id },
      { name: 'Second', dueAt: inSeconds(2400), metric: 'revenue', targetValue: 200, ownerId: org.rep.id },
    ],
  });
  expect((await readOn(b, project.id)).status).toBe(200);
  return project;
}

describe('the project pages a replica keeps', () => {
  it('serves a page read again unchanged with a single primary-key statement, the same body as a fresh read', async () => {
    const { project, again } = await whileOthersWrite(
      async () => {
        const project = await projectKeptOnB();
        return { project, again: await readOn(b, project.id) };
      },
      ({ again }) => again.statements === 1,
    );
    expect(again).toMatchObject({ status: 200, statements: 1 });
    const fresh = await readOn(a, project.id);
    expect(fresh.statements).toBeGreaterThan(1);
    expect(again.body).toEqual(fresh.body);
  });

  it('shows on replica B, at its very next read, a milestone renamed through replica A', async () => {
    const project = await projectKeptOnB();
    const renamed = await call(a.app, 'PATCH', `/api/projects/${project.id}/milestones/${project.milestones[0]!.id}`, { name: 'Renamed on A' }, { as: org.rep });
    expect(renamed.status).toBe(200);
    const read = await readOn(b, project.id);
    expect(read.body.milestones.map((m: { name: string }) => m.name)).toContain('Renamed on A');
  });

  it('shows at the next read what an activity or plain SQL wrote: the lifecycle, an escalation, a milestone outcome, a member, a closing review', async () => {
    const project = await projectKeptOnB();
    const [first] = project.milestones;

    await writeLifecycleState(system.db, { projectId: project.id, state: { ...newLifecycleState(), phase: 'execution' }, version: Date.now() * 1000 });
    expect((await readOn(b, project.id)).body.lifecycle.phase).toBe('execution');

    await system.db.insertInto('escalations').values({ projectId: project.id, milestoneId: first!.id, level: 1, recipientId: org.manager.id }).execute();
    expect((await readOn(b, project.id)).body.escalations).toHaveLength(1);

    await system.db.updateTable('milestones').set({ status: 'missed', actualValue: '10', checkedAt: new Date() }).where('id', '=', first!.id).execute();
    expect((await readOn(b, project.id)).body.milestones.find((m: { id: string }) => m.id === first!.id).status).toBe('missed');

    const colleague = await createUser(system.app, 'Colleague', null, 'member');
    expect((await readOn(b, project.id, colleague)).status).toBe(404);
    await system.db.insertInto('project_members').values({ projectId: project.id, userId: colleague.id, role: 'member' }).execute();
    expect(await readOn(b, project.id, colleague)).toMatchObject({ status: 200, body: { access: 'work' } });

    await system.db.updateTable('sales_projects').set({ phase: 'closed' }).where('id', '=', project.id).execute();
    await system.db.insertInto('retrospectives').values({ projectId: project.id, status: 'collecting', report: '{}', inputDueAt: new Date(), hardDeadlineAt: new Date() }).execute();
    const closed = await readOn(b, project.id, org.rep);
    expect(closed.body).toMatchObject({ phase: 'closed' });
    expect(closed.body.can.answerReview).toBe(true);
  });

  it('follows the org chart at the next read: a manager whose report moves away loses the project, the new manager gains it', async () => {
    const project = await projectKeptOnB();
    const elsewhere = await createUser(system.app, 'Other Manager', null, 'manager');
    const rep = await createUser(system.app, 'Moving Rep', org.manager.id, 'member');
    const theirs = await createProject<{ id: string }>(system.app, rep.id, 'Moving');
    expect((await readOn(b, theirs.id, org.manager)).status).toBe(200);
    expect((await readOn(b, theirs.id, elsewhere)).status).toBe(404);

    await system.db.updateTable('users').set({ managerId: elsewhere.id }).where('id', '=', rep.id).execute();

    expect((await readOn(b, theirs.id, org.manager)).status).toBe(404);
    expect(await readOn(b, theirs.id, elsewhere)).toMatchObject({ status: 200, body: { access: 'plan' } });
    expect((await readOn(b, project.id, org.manager)).status).toBe(200);
  });

  it('counts a change only when it commits: a rolled-back rename never shows, and the kept page stays kept', async () => {
    const { before, after, read } = await whileOthersWrite(async () => {
      const project = await projectKeptOnB();
      const before = await system.db.selectFrom('project_read_versions').select('version').where('projectId', '=', project.id).executeTakeFirstOrThrow();
      await expect(
        system.db.transaction().execute(async (trx) => {
          await trx.updateTable('milestones').set({ name: 'Never committed' }).where('id', '=', project.milestones[0]!.id).execute();
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      const after = await system.db.selectFrom('project_read_versions').select('version').where('projectId', '=', project.id).executeTakeFirstOrThrow();
      return { before, after, read: await readOn(b, project.id) };
    }, ({ read }) => read.statements === 1);
    expect(after.version).toBe(before.version);
    expect(read.statements).toBe(1);
    expect(read.body.milestones.map((m: { name: string }) => m.name)).not.toContain('Never committed');
  });

  it('keeps no more pages than its size: the least recently read one is loaded again', async () => {
    const small = await startReplica({ max: 2 });
    try {
      const projects = await Promise.all([1, 2, 3].map((n) => createProject<{ id: string }>(system.app, org.rep.id, `Small ${n}`)));
      const [last, first] = await whileOthersWrite(
        async () => {
          for (const project of projects) expect((await readOn(small, project.id)).status).toBe(200);
          return [await readOn(small, projects[2]!.id), await readOn(small, projects[0]!.id)];
        },
        ([last]) => last!.statements === 1,
      );
      expect(last!.statements).toBe(1);
      expect(first!.statements).toBeGreaterThan(1);
    } finally {
      await small.close();
    }
  });

  it('answers 404 for a project that does not exist, and for one removed after its page was kept', async () => {
    const project = await projectKeptOnB();
    expect((await readOn(b, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    await system.db.deleteFrom('sales_projects').where('id', '=', project.id).execute();
    expect((await readOn(b, project.id)).status).toBe(404);
  });
});
