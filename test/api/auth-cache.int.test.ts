import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { startPrincipalCache } from '../../api/auth/principal-cache';
import { createApiToken, createSession } from '../../db/queries/auth';
import { startApiReplica, whileOthersWrite, type ApiReplica as Replica } from '../support/api-replicas';
import { call } from '../support/http';
import { createUser } from '../support/people';
import { useSystem } from '../support/system';

// Two replicas of the API over one database, each with its own principal cache, as two processes
// behind a load balancer would be. Changes go through replica A; replica B must stop honouring
// what it cached within the bound below, told by PostgreSQL's NOTIFY (its TTL is far longer).
const system = useSystem({ worker: false });
const invalidationBoundMs = 2_000;

let a: Replica;
let b: Replica;
beforeAll(async () => {
  // Their principal caches keep entries far beyond the bound: only the notification can make B forget in time.
  [a, b] = await Promise.all([startApiReplica(system, { poolSize: 3 }), startApiReplica(system, { poolSize: 3 })]);
  expect(a.principals.listening && b.principals.listening).toBe(true);
});
afterAll(async () => {
  for (const replica of [a, b]) await replica?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const sessionHeaders = (secret: string, csrf?: string) => ({ cookie: `milepost_session=${secret}`, ...(csrf ? { 'x-csrf-token': csrf } : {}) });

/** Status and body of `GET /api/auth/session` on a replica, with how many queries it cost there. */
async function whoAmI(replica: Replica, headers: Record<string, string>) {
  const before = replica.statements.queries;
  const response = await replica.app.request('/api/auth/session', { headers });
  const body = (await response.json()) as { user?: { role: string } };
  return { status: response.status, role: body.user?.role, queries: replica.statements.queries - before };
}

/**
 * B answers `headers` from its cache (no query) after serving them from the database. A lookup that
 * raced a change heard meanwhile is not kept, and test files running alongside change people all
 * the time: B is asked again (a few times at most) until it answers from memory.
 */
async function cachedOnB(headers: Record<string, string>) {
  const again = await whileOthersWrite(
    async () => {
      const read = await whoAmI(b, headers);
      expect(read.status).toBe(200);
      return read;
    },
    (read) => read.queries === 0,
  );
  expect(again).toMatchObject({ status: 200, queries: 0 });
}

const pollStatusOnB = (headers: Record<string, string>) =>
  expect.poll(async () => (await whoAmI(b, headers)).status, { timeout: invalidationBoundMs, interval: 20 });

describe('the principal cache shared by replicas', () => {
  it('serves a token it has seen without a single query, and a session likewise', async () => {
    const person = await createUser(system.app, 'Cached Reader');
    const first = await whoAmI(b, bearer(person.token));
    expect(first).toMatchObject({ status: 200 });
    expect(first.queries).toBeGreaterThanOrEqual(1);
    expect(first.queries).toBeLessThanOrEqual(2); // the lookup, and at most the once-a-minute last-used stamp
    await cachedOnB(bearer(person.token));
    for (let i = 0; i < 5; i++) expect(await whoAmI(b, bearer(person.token))).toMatchObject({ status: 200, queries: 0 });

    const session = await createSession(system.db, person.id, 60_000);
    expect(await whoAmI(b, sessionHeaders(session.secret))).toMatchObject({ status: 200, queries: 1 });
    await cachedOnB(sessionHeaders(session.secret));
  });

  it('refuses on replica B a token revoked through replica A, and the tokens made with it, within two seconds', async () => {
    const person = await createUser(system.app, 'Revoking Person');
    const { token: parent, row } = await createApiToken(system.db, { userId: person.id, name: 'parent', role: 'member' });
    const made = await b.app.request('/api/auth/tokens', { method: 'POST', headers: { ...bearer(parent), 'content-type': 'application/json' }, body: JSON.stringify({ name: 'child', role: 'member' }) });
    expect(made.status).toBe(201);
    const child = ((await made.json()) as { token: string }).token;
    await cachedOnB(bearer(parent));
    await cachedOnB(bearer(child));

    expect((await call(a.app, 'DELETE', `/api/auth/tokens/${row.id}`, undefined, { as: person })).status).toBe(204);

    await pollStatusOnB(bearer(parent)).toBe(401);
    await pollStatusOnB(bearer(child)).toBe(401);
    expect((await whoAmI(b, bearer(person.token))).status).toBe(200);
  });

  it('refuses on replica B a session signed out through replica A, within two seconds', async () => {
    const person = await createUser(system.app, 'Signing Out');
    const session = await createSession(system.db, person.id, 60_000);
    await cachedOnB(sessionHeaders(session.secret));

    const out = await a.app.request('/api/auth/logout', { method: 'POST', headers: sessionHeaders(session.secret, session.csrfToken) });
    expect(out.status).toBe(204);

    await pollStatusOnB(sessionHeaders(session.secret)).toBe(401);
  });

  it('refuses on replica B every token and session of a person deactivated through replica A, within two seconds', async () => {
    const person = await createUser(system.app, 'Leaving Person');
    const session = await createSession(system.db, person.id, 60_000);
    await cachedOnB(bearer(person.token));
    await cachedOnB(sessionHeaders(session.secret));

    expect((await call(a.app, 'PATCH', `/api/users/${person.id}`, { active: false })).status).toBe(200);

    await pollStatusOnB(bearer(person.token)).toBe(401);
    await pollStatusOnB(sessionHeaders(session.secret)).toBe(401);
  });

  it('shows on replica B the role given through replica A within two seconds, and refuses a token scoped above the new role', async () => {
    const person = await createUser(system.app, 'Changing Role', null, 'manager');
    const { token: managerScoped } = await createApiToken(system.db, { userId: person.id, name: 'as manager', role: 'manager' });
    const { token: viewerScoped } = await createApiToken(system.db, { userId: person.id, name: 'as viewer', role: 'viewer' });
    await cachedOnB(bearer(managerScoped));
    await cachedOnB(bearer(viewerScoped));
    expect((await whoAmI(b, bearer(viewerScoped))).role).toBe('manager');

    expect((await call(a.app, 'PATCH', `/api/users/${person.id}`, { role: 'member' })).status).toBe(200);

    await expect.poll(async () => (await whoAmI(b, bearer(viewerScoped))).role, { timeout: invalidationBoundMs, interval: 20 }).toBe('member');
    await pollStatusOnB(bearer(managerScoped)).toBe(401);
  });

  it('serves nothing from memory while it cannot hear changes, and caches again once it hears them', async () => {
    const cache = await startPrincipalCache({ listenUrl: 'postgres://nobody@127.0.0.1:1/none', ttlMs: 60_000 });
    try {
      expect(cache.listening).toBe(false);
      const person = await createUser(system.app, 'Unheard');
      const app = createApp({ db: b.db, temporal: { client: system.client, taskQueue: system.taskQueue }, principalCache: cache, metrics: false });
      const before = b.statements.queries;
      for (let i = 0; i < 3; i++) expect((await app.request('/api/auth/session', { headers: bearer(person.token) })).status).toBe(200);
      expect(b.statements.queries - before).toBeGreaterThanOrEqual(3);
    } finally {
      await cache.close();
    }
  });
});
