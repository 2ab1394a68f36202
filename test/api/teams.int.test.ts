import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call } from '../support/http';
import { createUser } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

describe('teams API', () => {
  it('creates a team, replaces its members and refuses a second team of the same name', async () => {
    const ann = await createUser(system.app, 'Ann');
    const bob = await createUser(system.app, 'Bob');
    const name = `North ${randomUUID().slice(0, 8)}`;
    const created = await call(system.app, 'POST', '/api/teams', { name, memberIds: [ann.id] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.members.map((m: { userId: string }) => m.userId)).toEqual([ann.id]);

    const replaced = await call(system.app, 'PUT', `/api/teams/${created.body.id}/members`, { userIds: [bob.id, ann.id] });
    expect(replaced.status).toBe(200);
    expect(replaced.body.members.map((m: { name: string }) => m.name)).toEqual(['Ann', 'Bob']);

    const duplicate = await call(system.app, 'POST', '/api/teams', { name });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.details).toEqual([{ path: 'name', message: 'already taken' }]);
  });

  it('lets only admins create teams and set their members, and everyone signed in read them', async () => {
    const ann = await createUser(system.app, 'Ann');
    const created = await call(system.app, 'POST', '/api/teams', { name: `East ${randomUUID().slice(0, 8)}`, memberIds: [ann.id] });
    expect(created.status).toBe(201);
    const refusedName = `West ${randomUUID().slice(0, 8)}`;
    for (const role of ['ops', 'manager', 'member', 'viewer'] as const) {
      const person = await createUser(system.app, `A ${role}`, null, role);
      const create = await call(system.app, 'POST', '/api/teams', { name: refusedName, memberIds: [person.id] }, { as: person });
      expect(create.status, `${role} creates: ${JSON.stringify(create.body)}`).toBe(403);
      expect(create.body.error.code).toBe('forbidden');
      const join = await call(system.app, 'PUT', `/api/teams/${created.body.id}/members`, { userIds: [person.id] }, { as: person });
      expect(join.status, `${role} sets members`).toBe(403);
      expect((await call(system.app, 'GET', '/api/teams', undefined, { as: person })).status).toBe(200);
      const read = await call(system.app, 'GET', `/api/teams/${created.body.id}`, undefined, { as: person });
      expect(read.status).toBe(200);
      expect(read.body.members.map((m: { userId: string }) => m.userId)).toEqual([ann.id]);
    }
    expect(await system.db.selectFrom('teams').select('id').where('name', '=', refusedName).execute()).toEqual([]);
    expect((await call(system.app, 'GET', '/api/teams', undefined, { as: null })).status).toBe(401);
  });

  it('refuses unknown people without changing the team, and answers 404 for an unknown team', async () => {
    const ann = await createUser(system.app, 'Ann');
    const created = await call(system.app, 'POST', '/api/teams', { name: `South ${randomUUID().slice(0, 8)}`, memberIds: [ann.id] });
    const ghost = randomUUID();
    const res = await call(system.app, 'PUT', `/api/teams/${created.body.id}/members`, { userIds: [ghost] });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'userIds.0', message: `no user with id ${ghost}` }]);
    expect((await call(system.app, 'GET', `/api/teams/${created.body.id}`)).body.members).toHaveLength(1);
    expect((await call(system.app, 'PUT', `/api/teams/${randomUUID()}/members`, { userIds: [] })).status).toBe(404);
  });
});
