import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { taskRoutes } from '../../api/contract/routes/tasks';
import { apiAs, expectOk } from '../support/api-client';
import { call, created } from '../support/http';
import { createPlanProject, createUser, planCounts, year2027 } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

async function setup() {
  const owner = await createUser(system.app, 'Owner');
  const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2027 });
  const milestone = await created<{ id: string }>(
    system.app,
    `/api/projects/${project.id}/milestones`,
    { name: 'Q1', metric: 'revenue', targetValue: 1000, dueAt: '2027-04-01T00:00:00+08:00', ownerId: owner.id },
    { as: owner },
  );
  return { owner, project, milestoneId: milestone.id };
}

describe('tasks API', () => {
  it('creates, filters, changes and deletes tasks in any phase', async () => {
    const { owner, project, milestoneId } = await setup();
    const api = apiAs(system.app, owner);
    const id = project.id;
    const first = await expectOk(api(taskRoutes.create, { params: { id }, body: { title: 'Visit the ten largest accounts', assigneeId: owner.id, dueAt: '2027-02-15T18:00:00+08:00', milestoneId } }), 201);
    expect(first).toMatchObject({ title: 'Visit the ten largest accounts', assigneeId: owner.id, dueAt: '2027-02-15T10:00:00.000Z', milestoneId, status: 'open' });
    const second = await expectOk(api(taskRoutes.create, { params: { id }, body: { title: 'Prepare the price list' } }), 201);

    await system.db.updateTable('sales_projects').set({ phase: 'monitoring' }).where('id', '=', project.id).execute();
    const done = await expectOk(api(taskRoutes.update, { params: { id, taskId: first.id }, body: { status: 'done' } }), 200);
    expect(done.status).toBe('done');

    expect((await expectOk(api(taskRoutes.list, { params: { id }, query: { status: 'done' } }), 200)).map((t) => t.id)).toEqual([first.id]);
    expect(await expectOk(api(taskRoutes.list, { params: { id }, query: { assigneeId: owner.id } }), 200)).toHaveLength(1);
    // Scheduled tasks first, undated ones last.
    expect((await expectOk(api(taskRoutes.list, { params: { id } }), 200)).map((t) => t.id)).toEqual([first.id, second.id]);

    expect((await api(taskRoutes.delete, { params: { id, taskId: second.id } })).status).toBe(204);
    expect((await api(taskRoutes.get, { params: { id, taskId: second.id } })).status).toBe(404);
  });

  it('refuses a task tied to another project’s milestone or an unknown assignee, and writes nothing', async () => {
    const { owner, project } = await setup();
    const other = await setup();
    const ghost = randomUUID();
    const before = await planCounts(system.db, project.id);
    const res = await call(system.app, 'POST', `/api/projects/${project.id}/tasks`, { title: 'Wrong milestone', milestoneId: other.milestoneId }, { as: owner });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'milestoneId', message: `no milestone with id ${other.milestoneId} in this project` }]);
    const nobody = await call(system.app, 'POST', `/api/projects/${project.id}/tasks`, { title: 'Nobody', assigneeId: ghost, status: 'someday' }, { as: owner });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.details.map((d: { path: string }) => d.path)).toEqual(['status']);
    const empty = await call(system.app, 'PATCH', `/api/projects/${project.id}/tasks/${randomUUID()}`, {}, { as: owner });
    expect(empty.status).toBe(400);
    expect(await planCounts(system.db, project.id)).toEqual(before);
  });
});
