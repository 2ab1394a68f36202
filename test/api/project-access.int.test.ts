import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createOrgChart, inSeconds, type OrgChart } from '../support/factories';
import { call } from '../support/http';
import { createUser, type Person } from '../support/people';
import { createPlanProject, planCounts, revenueGoal2027, year2027 } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

interface Scene {
  org: OrgChart;
  projectId: string;
  /** On the project as a member (role member); reports to nobody. */
  teammate: Person;
  /** On the project as a viewer (role viewer). */
  watcher: Person;
  /** A member by role with nothing to do with the project. */
  outsider: Person;
}

/** A 2027 project in planning owned by the org chart's rep, with a teammate and a watcher on it. */
async function scene(): Promise<Scene> {
  const org = await createOrgChart(system.app);
  const teammate = await createUser(system.app, 'Teammate', null, 'member');
  const watcher = await createUser(system.app, 'Watcher', null, 'viewer');
  const outsider = await createUser(system.app, 'Outsider', null, 'member');
  const project = await createPlanProject(system.db, { ownerId: org.rep.id, ...year2027 });
  const members = await call(system.app, 'PUT', `/api/projects/${project.id}/members`, {
    members: [
      { userId: teammate.id, role: 'member' },
      { userId: watcher.id, role: 'viewer' },
    ],
  });
  expect(members.status, JSON.stringify(members.body)).toBe(200);
  return { org, projectId: project.id, teammate, watcher, outsider };
}

/** Everything written about a project: its rows and its audit trail. */
async function written(projectId: string) {
  const audit = await system.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('projectId', '=', projectId)
    .executeTakeFirstOrThrow();
  const project = await system.db.selectFrom('sales_projects').select(['ownerId', 'phase', 'status']).where('id', '=', projectId).executeTakeFirstOrThrow();
  return { ...(await planCounts(system.db, projectId)), audit: Number(audit.n), project };
}

const milestone = (ownerId: string) => ({ name: 'Q1', metric: 'revenue', targetValue: 1000, dueAt: '2027-04-01T00:00:00+08:00', ownerId });

describe('who may do what with a project', () => {
  it('a member cannot read a project they are not on (404) and writes nothing', async () => {
    const { projectId, outsider } = await scene();
    const before = await written(projectId);
    const as = { as: outsider };
    for (const path of ['', '/goals', '/milestones', '/members', '/tasks', '/budget', '/risks', '/dashboard', '/change-requests', '/retrospective']) {
      const res = await call(system.app, 'GET', `/api/projects/${projectId}${path}`, undefined, as);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    const writes = [
      await call(system.app, 'POST', `/api/projects/${projectId}/tasks`, { title: 'Sneak in' }, as),
      await call(system.app, 'POST', `/api/projects/${projectId}/kpi-reports`, { metric: 'revenue', value: 1 }, as),
      await call(system.app, 'POST', `/api/projects/${projectId}/goals`, revenueGoal2027, as),
      await call(system.app, 'PUT', `/api/projects/${projectId}/members`, { members: [{ userId: outsider.id, role: 'owner' }] }, as),
      await call(system.app, 'POST', `/api/projects/${projectId}/submit`, {}, as),
    ];
    expect(writes.map((res) => res.status)).toEqual([404, 404, 404, 404, 404]);
    // The same answer as for a project that does not exist, so ids do not leak.
    const ghost = randomUUID();
    expect((await call(system.app, 'GET', `/api/projects/${ghost}`, undefined, as)).body.error.message).toBe(`Project ${ghost} does not exist.`);
    expect(writes[0]!.body.error.message).toBe(`Project ${projectId} does not exist.`);
    expect(await written(projectId)).toEqual(before);
  });

  it('a viewer on the project reads it but cannot add a task (403)', async () => {
    const { projectId, watcher } = await scene();
    const as = { as: watcher };
    expect((await call(system.app, 'GET', `/api/projects/${projectId}`, undefined, as)).status).toBe(200);
    expect((await call(system.app, 'GET', `/api/projects/${projectId}/tasks`, undefined, as)).status).toBe(200);
    const before = await written(projectId);
    const task = await call(system.app, 'POST', `/api/projects/${projectId}/tasks`, { title: 'Just looking' }, as);
    expect(task.status).toBe(403);
    expect(task.body.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('viewers only read') });
    expect(task.body.error.message).toMatch(/members.*may add tasks/);
    expect((await call(system.app, 'POST', `/api/projects/${projectId}/kpi-reports`, { metric: 'revenue', value: 1 }, as)).status).toBe(403);
    expect(await written(projectId)).toEqual(before);
  });

  it('a member of the project reports and works its tasks as themselves but cannot change the plan', async () => {
    const { projectId, teammate } = await scene();
    const as = { as: teammate };
    const task = await call(system.app, 'POST', `/api/projects/${projectId}/tasks`, { title: 'Call the top ten accounts', status: 'in_progress' }, as);
    expect(task.status, JSON.stringify(task.body)).toBe(201);
    expect((await call(system.app, 'PATCH', `/api/projects/${projectId}/tasks/${task.body.id}`, { status: 'done' }, as)).status).toBe(200);
    const kpi = await call(system.app, 'POST', `/api/projects/${projectId}/kpi-reports`, { metric: 'revenue', value: 1200 }, as);
    expect(kpi.status, JSON.stringify(kpi.body)).toBe(201);
    expect(kpi.body.reporterId).toBe(teammate.id);
    // Naming someone else as the reporter is not a field any more.
    const named = await call(system.app, 'POST', `/api/projects/${projectId}/kpi-reports`, { metric: 'revenue', value: 1, reporterId: randomUUID() }, as);
    expect(named.status).toBe(400);
    expect(named.body.error.details).toEqual([{ path: 'reporterId', message: 'is not a known field' }]);

    const before = await written(projectId);
    const refused = [
      await call(system.app, 'POST', `/api/projects/${projectId}/goals`, revenueGoal2027, as),
      await call(system.app, 'POST', `/api/projects/${projectId}/milestones`, milestone(teammate.id), as),
      await call(system.app, 'POST', `/api/projects/${projectId}/budget`, { category: 'Travel', planned: 100 }, as),
      await call(system.app, 'POST', `/api/projects/${projectId}/risks`, { title: 'Churn', probability: 2, impact: 3 }, as),
      await call(system.app, 'PUT', `/api/projects/${projectId}/members`, { members: [{ userId: teammate.id, role: 'owner' }] }, as),
      await call(system.app, 'POST', `/api/projects/${projectId}/submit`, {}, as),
      await call(system.app, 'POST', `/api/projects/${projectId}/close`, { outcome: 'cancelled' }, as),
    ];
    expect(refused.map((res) => res.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect(refused[0]!.body.error.message).toBe("Only the project's owner, the owner's managers and admins may change its goals.");
    expect(await written(projectId)).toEqual(before);
  });

  it('a manager reads and plans the projects of the people below them', async () => {
    const { org, projectId } = await scene();
    // The director is two levels above the rep who owns the project.
    const as = { as: org.director };
    expect((await call(system.app, 'GET', `/api/projects/${projectId}/dashboard`, undefined, as)).status).toBe(200);
    const goal = await call(system.app, 'POST', `/api/projects/${projectId}/goals`, revenueGoal2027, as);
    expect(goal.status, JSON.stringify(goal.body)).toBe(201);
    const added = await call(system.app, 'POST', `/api/projects/${projectId}/milestones`, milestone(org.rep.id), as);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const members = await call(system.app, 'PUT', `/api/projects/${projectId}/members`, { members: [{ userId: org.manager.id, role: 'member' }] }, as);
    expect(members.status, JSON.stringify(members.body)).toBe(200);
    const rows = await system.db.selectFrom('audit_events').select(['entity', 'actorUserId']).where('projectId', '=', projectId).where('entity', '=', 'goals').execute();
    expect(rows).toEqual([{ entity: 'goals', actorUserId: org.director.id }]);
  });

  it('a manager above only a member reads but cannot change the plan', async () => {
    const { projectId, teammate } = await scene();
    const boss = await createUser(system.app, 'Boss', null, 'manager');
    await system.db.updateTable('users').set({ managerId: boss.id }).where('id', '=', teammate.id).execute();
    const as = { as: boss };
    expect((await call(system.app, 'GET', `/api/projects/${projectId}`, undefined, as)).status).toBe(200);
    expect((await call(system.app, 'GET', `/api/projects/${projectId}/goals`, undefined, as)).status).toBe(200);
    const before = await written(projectId);
    expect((await call(system.app, 'POST', `/api/projects/${projectId}/goals`, revenueGoal2027, as)).status).toBe(403);
    expect((await call(system.app, 'POST', `/api/projects/${projectId}/tasks`, { title: 'Micromanage' }, as)).status).toBe(403);
    expect((await call(system.app, 'POST', `/api/projects/${projectId}/submit`, {}, as)).status).toBe(403);
    expect(await written(projectId)).toEqual(before);
  });

  it('ops read every project but change none', async () => {
    const { projectId } = await scene();
    const ops = await createUser(system.app, 'Ops', null, 'ops');
    const as = { as: ops };
    for (const path of ['', '/goals', '/milestones', '/members', '/tasks', '/budget', '/risks', '/dashboard', '/change-requests']) {
      expect((await call(system.app, 'GET', `/api/projects/${projectId}${path}`, undefined, as)).status, path).toBe(200);
    }
    const before = await written(projectId);
    const refused = [
      await call(system.app, 'POST', `/api/projects/${projectId}/tasks`, { title: 'Ops task' }, as),
      await call(system.app, 'POST', `/api/projects/${projectId}/goals`, revenueGoal2027, as),
      await call(system.app, 'PUT', `/api/projects/${projectId}/members`, { members: [] }, as),
      await call(system.app, 'POST', `/api/projects/${projectId}/submit`, undefined, as),
    ];
    expect(refused.map((res) => res.status)).toEqual([403, 403, 403, 403]);
    expect(await written(projectId)).toEqual(before);
  });

  it('the project list shows each person only the projects they may read', async () => {
    const { org, projectId, teammate, watcher, outsider } = await scene();
    const ops = await createUser(system.app, 'Ops', null, 'ops');
    const stranger = await createUser(system.app, 'Stranger', null, 'viewer');
    const tag = randomUUID().slice(0, 8);
    const other = await createPlanProject(system.db, { ownerId: outsider.id, ...year2027 });
    for (const [id, name] of [[projectId, `Ours ${tag}`], [other.id, `Theirs ${tag}`]] as const) {
      await system.db.updateTable('sales_projects').set({ name }).where('id', '=', id).execute();
    }
    const listed = async (person: Person | null | undefined) =>
      (await call(system.app, 'GET', `/api/projects?q=${tag}`, undefined, person === undefined ? {} : { as: person })).body.items.map((i: { name: string }) => i.name).sort();
    expect(await listed(undefined)).toEqual([`Ours ${tag}`, `Theirs ${tag}`]);
    expect(await listed(ops)).toEqual([`Ours ${tag}`, `Theirs ${tag}`]);
    for (const person of [org.rep, org.manager, org.ceo, teammate, watcher]) expect(await listed(person), person.name).toEqual([`Ours ${tag}`]);
    expect(await listed(outsider)).toEqual([`Theirs ${tag}`]);
    expect(await listed(stranger)).toEqual([]);
    expect((await call(system.app, 'GET', `/api/projects?q=${tag}`, undefined, { as: null })).status).toBe(401);
  });

  it('a member cannot create a project for someone else; a manager can for the people below them', async () => {
    const org = await createOrgChart(system.app);
    const ops = await createUser(system.app, 'Ops', null, 'ops');
    const sideways = await createUser(system.app, 'Sideways', null, 'manager');
    const body = (ownerId: string) => ({ name: `New ${randomUUID().slice(0, 8)}`, ownerId, periodStart: inSeconds(-60), periodEnd: inSeconds(86_400), milestones: [] });
    // Only projects these people own: other test files create projects at the same time.
    const owners = [org.manager.id, org.rep.id, ops.id, sideways.id, org.director.id, org.ceo.id];
    const count = async () =>
      Number((await system.db.selectFrom('sales_projects').select((eb) => eb.fn.countAll().as('n')).where('ownerId', 'in', owners).executeTakeFirstOrThrow()).n);
    const before = await count();

    const forOther = await call(system.app, 'POST', '/api/projects', body(org.manager.id), { as: org.rep });
    expect(forOther.status).toBe(403);
    expect(forOther.body.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('Members create projects they own themselves') });
    const aboveNobody = await call(system.app, 'POST', '/api/projects', body(org.rep.id), { as: sideways });
    expect(aboveNobody.status).toBe(403);
    expect(aboveNobody.body.error.message).toContain('below them in the org chart');
    const byOps = await call(system.app, 'POST', '/api/projects', body(ops.id), { as: ops });
    expect(byOps.status).toBe(403);
    expect(byOps.body.error.message).toContain('you are signed in as ops');
    expect(await count()).toBe(before);

    const created = [
      await call(system.app, 'POST', '/api/projects', body(org.rep.id), { as: org.rep }),
      await call(system.app, 'POST', '/api/projects', body(org.rep.id), { as: org.director }),
      await call(system.app, 'POST', '/api/projects', body(org.director.id), { as: org.director }),
    ];
    expect(created.map((res) => res.status)).toEqual([201, 201, 201]);
    for (const res of created) await system.client.workflow.getHandle(`sales-project-${res.body.id}`).terminate('test cleanup');
  });

  it('offers as owners of a new project exactly the people the create rule lets each person choose: a manager themself and everyone below, a member themself, ops nobody, an admin anyone', async () => {
    const org = await createOrgChart(system.app);
    const ops = await createUser(system.app, 'Ops', null, 'ops');
    const chain = [org.ceo.id, org.director.id, org.manager.id, org.rep.id];
    const offered = async (as: Person | undefined) => {
      const res = await call<{ id: string }[]>(system.app, 'GET', '/api/users?ownersOfNewProject=true', undefined, as ? { as } : {});
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.map((user) => user.id);
    };
    expect((await offered(org.director)).sort()).toEqual([org.director.id, org.manager.id, org.rep.id].sort());
    expect(await offered(org.rep)).toEqual([org.rep.id]);
    expect(await offered(ops)).toEqual([]);
    // The suite's admin: everyone, this chain included.
    expect(await offered(undefined)).toEqual(expect.arrayContaining(chain));
    // Without the filter, everyone as before.
    expect((await call<{ id: string }[]>(system.app, 'GET', '/api/users', undefined, { as: org.rep })).body.map((user) => user.id)).toEqual(expect.arrayContaining(chain));
  });

  it('reaches a closing review through its project: 404 to outsiders, answers as yourself, finalize for planners only', async () => {
    const { org, projectId, teammate, watcher, outsider } = await scene();
    const retro = await system.db
      .insertInto('retrospectives')
      .values({ projectId: projectId, report: '{}', inputDueAt: new Date(Date.now() + 86_400_000), hardDeadlineAt: new Date(Date.now() + 2 * 86_400_000) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const base = `/api/retrospectives/${retro.id}`;
    for (const path of [base, `${base}/export.md`, `${base}/export.html`]) {
      const hidden = await call(system.app, 'GET', path, undefined, { as: outsider });
      expect(hidden.status, path).toBe(404);
      expect(hidden.body.error.message).toBe(`Retrospective ${retro.id} does not exist.`);
    }
    expect((await call(system.app, 'GET', `${base}/export.md`.replace(retro.id, 'not-a-uuid'))).status).toBe(400);
    expect((await call(system.app, 'GET', base, undefined, { as: watcher })).status).toBe(200);

    const answer = { wentWell: 'Early calls', toImprove: 'Pricing', actionItems: ['Price list by March'] };
    const answered = await call(system.app, 'POST', `${base}/inputs`, answer, { as: teammate });
    expect(answered.status, JSON.stringify(answered.body)).toBe(201);
    expect(answered.body).toMatchObject({ userId: teammate.id, name: 'Teammate' });
    expect((await call(system.app, 'POST', `${base}/inputs`, { ...answer, userId: org.rep.id }, { as: teammate })).status).toBe(400);
    expect((await call(system.app, 'POST', `${base}/inputs`, answer, { as: watcher })).status).toBe(403);
    expect((await call(system.app, 'POST', `${base}/inputs`, answer, { as: outsider })).status).toBe(404);

    const finalize = await call(system.app, 'POST', `${base}/finalize`, {}, { as: teammate });
    expect(finalize.status).toBe(403);
    const follow = await createPlanProject(system.db, { ownerId: outsider.id, ...year2027 });
    const toTasks = await call(system.app, 'POST', `${base}/action-items/tasks`, { followUpProjectId: follow.id, items: [{ title: 'Price list' }] }, { as: org.rep });
    // The rep plans the reviewed project but cannot see the outsider's: it reads as unknown.
    expect(toTasks.status).toBe(400);
    expect(toTasks.body.error.details).toEqual([{ path: 'followUpProjectId', message: `no project with id ${follow.id}` }]);
    const inputs = await system.db.selectFrom('retrospective_inputs').select('userId').where('retrospectiveId', '=', retro.id).execute();
    expect(inputs).toEqual([{ userId: teammate.id }]);
    expect((await planCounts(system.db, follow.id)).tasks).toBe(0);
  });
});
