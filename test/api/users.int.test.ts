import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { createApiToken } from '../../db/queries/auth';
import { insertInboxItemOnce } from '../../db/queries/inbox';
import { insertUser } from '../../db/queries/users';
import { createOrgChart } from '../support/factories';
import { call } from '../support/http';
import { useOwnDatabases } from '../support/own-databases';
import { createUser } from '../support/people';
import { useSystem } from '../support/system';

const ownDatabases = useOwnDatabases('users');
const system = useSystem({ worker: false });

const password = 'correct horse battery';

const login = async (email: string, pw = password) => {
  const res = await system.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: pw }) });
  return { status: res.status, cookie: /milepost_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1] };
};

const sessionWorks = async (cookie: string) => (await system.app.request('/api/auth/session', { headers: { cookie: `milepost_session=${cookie}` } })).status === 200;

async function personWithPassword(role: 'admin' | 'member' = 'member') {
  const email = `person-${randomUUID()}@example.com`;
  const created = await call(system.app, 'POST', '/api/users', { name: 'Pat', email, role, password });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.id as string, email };
}

const usersWithEmail = async (email: string) => (await system.db.selectFrom('users').select('id').where('email', '=', email).execute()).length;

describe('people: who may add and read them', () => {
  it('refuses a non-admin adding a person with 403 and writes nothing', async () => {
    const manager = await createUser(system.app, 'Manager', null, 'manager');
    const email = `hire-${randomUUID()}@example.com`;
    const res = await call(system.app, 'POST', '/api/users', { name: 'Hire', email }, { as: manager });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('Only admin') });
    expect(await usersWithEmail(email)).toBe(0);
  });

  it('stores e-mails lowercased and refuses the same e-mail in other capitals', async () => {
    const local = `Mixed-${randomUUID()}`;
    const created = await call(system.app, 'POST', '/api/users', { name: 'Mixed', email: `${local}@Example.COM` });
    expect(created.status).toBe(201);
    expect(created.body.email).toBe(`${local.toLowerCase()}@example.com`);
    const again = await call(system.app, 'POST', '/api/users', { name: 'Mixed again', email: `${local.toUpperCase()}@EXAMPLE.com` });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('email_taken');
  });

  it('lets anyone signed in list people and read one; an unknown id is 404 and nobody signed in is 401', async () => {
    const viewer = await createUser(system.app, 'Viewer', null, 'viewer');
    const rep = await createUser(system.app, 'Rep');
    const list = await call(system.app, 'GET', '/api/users', undefined, { as: viewer });
    expect(list.status).toBe(200);
    expect(list.body.map((u: { id: string }) => u.id)).toContain(rep.id);
    const one = await call(system.app, 'GET', `/api/users/${rep.id}`, undefined, { as: viewer });
    expect(one.body).toEqual({ id: rep.id, name: 'Rep', email: rep.email, managerId: null, role: 'member', active: true, language: null });
    expect((await call(system.app, 'GET', `/api/users/${randomUUID()}`, undefined, { as: viewer })).status).toBe(404);
    expect((await call(system.app, 'GET', '/api/users', undefined, { as: null })).status).toBe(401);
  });
});

describe('people: what an admin changes', () => {
  it('changes name, manager and role; a role change ends their sessions', async () => {
    const boss = await createUser(system.app, 'Boss', null, 'manager');
    const { id, email } = await personWithPassword();
    const { cookie } = await login(email);
    const res = await call(system.app, 'PATCH', `/api/users/${id}`, { name: 'Pat Promoted', managerId: boss.id, role: 'manager', active: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ id, name: 'Pat Promoted', email, managerId: boss.id, role: 'manager', active: true, language: null });
    expect(await sessionWorks(cookie!)).toBe(false);
  });

  it('deactivates a person: their sessions and tokens stop and they cannot sign in; reactivated, they can again', async () => {
    const { id, email } = await personWithPassword();
    const { cookie } = await login(email);
    const { token } = await createApiToken(system.db, { userId: id, name: 'theirs', role: 'member' });
    expect((await call(system.app, 'PATCH', `/api/users/${id}`, { active: false })).status).toBe(200);
    expect(await sessionWorks(cookie!)).toBe(false);
    expect((await call(system.app, 'GET', '/api/auth/session', undefined, { as: { token } })).status).toBe(401);
    expect((await login(email)).status).toBe(401);

    expect((await call(system.app, 'PATCH', `/api/users/${id}`, { active: true })).status).toBe(200);
    expect((await login(email)).status).toBe(200);
  });

  it('resets a password: the old one and their sessions stop working', async () => {
    const { id, email } = await personWithPassword();
    const { cookie } = await login(email);
    expect((await call(system.app, 'PATCH', `/api/users/${id}`, { password: 'the admin chose this' })).status).toBe(200);
    expect(await sessionWorks(cookie!)).toBe(false);
    expect((await login(email)).status).toBe(401);
    expect((await login(email, 'the admin chose this')).status).toBe(200);
  });

  it('keeps sessions through a change of name', async () => {
    const { id, email } = await personWithPassword();
    const { cookie } = await login(email);
    expect((await call(system.app, 'PATCH', `/api/users/${id}`, { name: 'Just Renamed' })).status).toBe(200);
    expect(await sessionWorks(cookie!)).toBe(true);
  });

  it('refuses a non-admin (403), unknown and immutable fields (400), an empty change (400) and an unknown person (404)', async () => {
    const member = await createUser(system.app, 'Member');
    const target = await createUser(system.app, 'Target');
    const asMember = await call(system.app, 'PATCH', `/api/users/${member.id}`, { role: 'admin' }, { as: member });
    expect(asMember.status).toBe(403);
    expect(asMember.body.error.code).toBe('forbidden');

    const massAssigned = await call(system.app, 'PATCH', `/api/users/${target.id}`, { name: 'X', email: 'new@example.com', id: randomUUID(), passwordHash: 'x' });
    expect(massAssigned.status).toBe(400);
    expect(massAssigned.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'id', 'passwordHash']);
    expect((await call(system.app, 'PATCH', `/api/users/${target.id}`, {})).status).toBe(400);
    expect((await call(system.app, 'PATCH', `/api/users/${randomUUID()}`, { name: 'Ghost' })).status).toBe(404);

    const after = await call(system.app, 'GET', `/api/users/${target.id}`);
    expect(after.body).toMatchObject({ name: 'Target', email: target.email, role: 'member' });
    expect((await call(system.app, 'GET', `/api/users/${member.id}`)).body.role).toBe('member');
  });

  it('refuses a manager cycle, direct or up the chain, with 400 and changes nothing', async () => {
    const org = await createOrgChart(system.app);
    const own = await call(system.app, 'PATCH', `/api/users/${org.rep.id}`, { managerId: org.rep.id });
    expect(own.status).toBe(400);
    expect(own.body.error.details).toEqual([{ path: 'managerId', message: 'a person cannot be their own manager' }]);

    const cycle = await call(system.app, 'PATCH', `/api/users/${org.ceo.id}`, { managerId: org.rep.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.details[0]).toMatchObject({ path: 'managerId', message: expect.stringContaining('cycle') });
    expect((await call(system.app, 'GET', `/api/users/${org.ceo.id}`)).body.managerId).toBeNull();

    // Moving someone sideways is fine.
    const sideways = await call(system.app, 'PATCH', `/api/users/${org.rep.id}`, { managerId: org.director.id });
    expect(sideways.status).toBe(200);
    expect(sideways.body.managerId).toBe(org.director.id);
  });

  it('refuses demoting or deactivating the last active admin (409), and allows it once there is another', async () => {
    // A database of this test's own: the suite's admin must stay the admin of the shared one.
    const db = await ownDatabases.create();
    const app = createApp({ db, temporal: { client: system.client, taskQueue: system.taskQueue } });
    const only = await insertUser(db, { name: 'Only Admin', email: 'only@example.com', role: 'admin' });
    const as = { token: (await createApiToken(db, { userId: only.id, name: 'test', role: 'admin' })).token };

    const demoted = await call(app, 'PATCH', `/api/users/${only.id}`, { role: 'manager' }, { as });
    expect(demoted.status).toBe(409);
    expect(demoted.body.error).toMatchObject({ code: 'last_admin', message: 'Only Admin is the last active admin; make someone else admin first.' });
    expect((await call(app, 'PATCH', `/api/users/${only.id}`, { active: false }, { as })).status).toBe(409);
    expect((await call(app, 'GET', `/api/users/${only.id}`, undefined, { as })).body.role).toBe('admin');

    const second = await call(app, 'POST', '/api/users', { name: 'Second', email: 'second@example.com', role: 'admin' }, { as });
    expect(second.status).toBe(201);
    expect((await call(app, 'PATCH', `/api/users/${second.body.id}`, { active: false }, { as })).status).toBe(200);
    expect((await call(app, 'PATCH', `/api/users/${only.id}`, { role: 'manager' }, { as })).status).toBe(409);

    expect((await call(app, 'PATCH', `/api/users/${second.body.id}`, { active: true }, { as })).status).toBe(200);
    const now = await call(app, 'PATCH', `/api/users/${only.id}`, { role: 'manager' }, { as });
    expect(now.status).toBe(200);
    expect(now.body.role).toBe('manager');
  });
});

describe('inboxes', () => {
  async function itemFor(userId: string) {
    const dedupeKey = `test:${randomUUID()}`;
    await insertInboxItemOnce(system.db, { userId, kind: 'notification', payload: { subject: 'Hello' }, dedupeKey });
    return (await system.db.selectFrom('inbox_items').select('id').where('dedupeKey', '=', dedupeKey).executeTakeFirstOrThrow()).id;
  }

  it("answers someone else's inbox with 404, your own with 200, and any to an admin", async () => {
    const org = await createOrgChart(system.app);
    await itemFor(org.rep.id);
    const byManager = await call(system.app, 'GET', `/api/users/${org.rep.id}/inbox`, undefined, { as: org.manager });
    expect(byManager.status).toBe(404);
    expect(byManager.body.error.code).toBe('not_found');
    expect((await call(system.app, 'GET', `/api/users/${org.rep.id}/inbox`, undefined, { as: org.rep })).body).toHaveLength(1);
    expect((await call(system.app, 'GET', `/api/users/${org.rep.id}/inbox`)).body).toHaveLength(1);
  });

  it('marks your own item read once; anyone else, or an unknown item, gets 404', async () => {
    const org = await createOrgChart(system.app);
    const itemId = await itemFor(org.rep.id);
    expect((await call(system.app, 'POST', `/api/users/${org.rep.id}/inbox/${itemId}/read`, undefined, { as: org.manager })).status).toBe(404);
    expect((await call(system.app, 'POST', `/api/users/${org.rep.id}/inbox/${itemId}/read`)).status).toBe(404);
    expect((await call(system.app, 'GET', `/api/users/${org.rep.id}/inbox?unread=true`, undefined, { as: org.rep })).body).toHaveLength(1);

    expect((await call(system.app, 'POST', `/api/users/${org.rep.id}/inbox/${itemId}/read`, undefined, { as: org.rep })).status).toBe(204);
    const [item] = (await call(system.app, 'GET', `/api/users/${org.rep.id}/inbox`, undefined, { as: org.rep })).body;
    expect(item.readAt).toEqual(expect.any(String));
    expect((await call(system.app, 'POST', `/api/users/${org.rep.id}/inbox/${itemId}/read`, undefined, { as: org.rep })).status).toBe(204);
    expect((await call(system.app, 'GET', `/api/users/${org.rep.id}/inbox`, undefined, { as: org.rep })).body[0].readAt).toBe(item.readAt);

    expect((await call(system.app, 'POST', `/api/users/${org.rep.id}/inbox/${randomUUID()}/read`, undefined, { as: org.rep })).status).toBe(404);
    // Your own id with someone else's item is 404 too.
    const managersItem = await itemFor(org.manager.id);
    expect((await call(system.app, 'POST', `/api/users/${org.rep.id}/inbox/${managersItem}/read`, undefined, { as: org.rep })).status).toBe(404);
  });
});
