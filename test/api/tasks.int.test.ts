import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
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
    const base = `/api/projects/${project.id}/tasks`;
    const first = await call(system.app, 'POST', base, { title: 'Visit the ten largest accounts', assigneeId: owner.id, dueAt: '2027-02-15T18:00:00+08:00', milestoneId }, { as: owner });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ title: 'Visit the ten largest accounts', assigneeId: owner.id, dueAt: '2027-02-15T10:00:00.000Z', milestoneId, status: 'open' });
    const second = await call(system.app, 'POST', base, { title: 'Prepare the price list' }, { as: owner });
    expect(second.status).toBe(201);

    await system.db.updateTable('sales_projects').set({ phase: 'monitoring' }).where('id', '=', project.id).execute();
    const done = await call(system.app, 'PATCH', `${base}/${first.body.id}`, { status: 'done' }, { as: owner });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.status).toBe('done');

    expect((await call(system.app, 'GET', `${base}?status=done`, undefined, { as: owner })).body.map((t: { id: string }) => t.id)).toEqual([first.body.id]);
    expect((await call(system.app, 'GET', `${base}?assigneeId=${owner.id}`, undefined, { as: owner })).body).toHaveLength(1);
    // Scheduled tasks first, undated ones last.
    expect((await call(system.app, 'GET', base, undefined, { as: owner })).body.map((t: { id: string }) => t.id)).toEqual([first.body.id, second.body.id]);

    expect((await call(system.app, 'DELETE', `${base}/${second.body.id}`, undefined, { as: owner })).status).toBe(204);
    expect((await call(system.app, 'GET', `${base}/${second.body.id}`, undefined, { as: owner })).status).toBe(404);
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
