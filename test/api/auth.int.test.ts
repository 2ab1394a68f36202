import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { App } from '../../api/app';
import { call } from '../support/http';
import { createUser } from '../support/people';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

const password = 'correct horse battery';
/** What a member's role may do anywhere, as the session says. */
const memberCan = { createProject: true, chooseProjectOwner: false, editFlows: false, managePeople: false, manageTeams: false, readAuditTrail: false, manageCalendars: false, loadSampleCompany: false, manageChatChannels: false };

interface Sent {
  status: number;
  body: any;
  headers: Headers;
}

/** A request as a browser sends it: the session cookie, and the CSRF header when given. */
async function send(
  app: App,
  method: string,
  path: string,
  {
    cookie,
    device,
    csrf,
    body,
    headers = {},
    address,
  }: { cookie?: string; device?: string; csrf?: string; body?: unknown; headers?: Record<string, string>; address?: string } = {},
): Promise<Sent> {
  const response = await app.request(
    path,
    {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie === undefined && device === undefined
          ? {}
          : { cookie: [cookie && `milepost_session=${cookie}`, device && `milepost_device=${device}`].filter(Boolean).join('; ') }),
        ...(csrf === undefined ? {} : { 'x-csrf-token': csrf }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
    // What @hono/node-server hands the app: the socket the request came on.
    address === undefined ? undefined : { incoming: { socket: { remoteAddress: address } } },
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

const login = (email: string, pw: string, options: { headers?: Record<string, string>; address?: string; url?: string; device?: string } = {}) =>
  send(system.app, 'POST', options.url ?? '/api/auth/login', { body: { email, password: pw }, headers: options.headers, address: options.address, device: options.device });

const cookieOf = (res: Sent) => /milepost_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
const deviceOf = (res: Sent) => /milepost_device=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

/** A person with a password, created by the suite's admin. */
async function personWithPassword(role: 'admin' | 'member' | 'viewer' = 'member') {
  const email = `signer-${randomUUID()}@example.com`;
  const created = await call(system.app, 'POST', '/api/users', { name: 'Signer', email, role, password });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.id as string, email };
}

/** Signs in and returns the cookie's secret and the CSRF token. */
async function signIn(email: string, pw = password) {
  const res = await login(email, pw);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { cookie: cookieOf(res)!, csrf: res.body.csrfToken as string };
}

describe('signing in with a session cookie', () => {
  it('login sets an HttpOnly SameSite=Lax cookie for 12 hours, and the session answers with the same CSRF token', async () => {
    const { id, email } = await personWithPassword();
    const res = await login(email, password);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^milepost_session=[\w-]{40,};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain('Max-Age=43200');
    expect(setCookie).not.toContain('Secure');
    expect(res.body).toEqual({
      user: { id, name: 'Signer', email, managerId: null, role: 'member', active: true, language: null },
      csrfToken: expect.any(String),
      expiresAt: expect.any(String),
      grantableRoles: ['member', 'viewer'],
      can: memberCan,
    });
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeGreaterThan(11.9 * 3600_000);

    const session = await send(system.app, 'GET', '/api/auth/session', { cookie: cookieOf(res)! });
    expect(session.status).toBe(200);
    expect(session.body).toEqual({ user: res.body.user, via: 'session', csrfToken: res.body.csrfToken, expiresAt: res.body.expiresAt, grantableRoles: ['member', 'viewer'], can: memberCan });
  });

  it('marks the cookie Secure when the request came over HTTPS, directly or through a proxy that says so', async () => {
    const { email } = await personWithPassword();
    expect((await login(email, password, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('set-cookie')).toContain('Secure');
    expect((await login(email, password, { url: 'https://milepost.example/api/auth/login' })).headers.get('set-cookie')).toContain('Secure');
  });

  it('lets the cookie read without a CSRF header', async () => {
    const { email } = await personWithPassword();
    const { cookie } = await signIn(email);
    const users = await send(system.app, 'GET', '/api/users', { cookie });
    expect(users.status).toBe(200);
    expect(users.body.map((u: { email: string }) => u.email)).toContain(email);
  });

  it('refuses a cookie write without the CSRF header or with a wrong one, writes nothing, and accepts it with the right one', async () => {
    const { email } = await personWithPassword();
    const { cookie, csrf } = await signIn(email);
    const body = { name: 'From the browser', role: 'viewer' };

    const missing = await send(system.app, 'POST', '/api/auth/tokens', { cookie, body });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('csrf_failed');
    const wrong = await send(system.app, 'POST', '/api/auth/tokens', { cookie, csrf: `${csrf.slice(0, -2)}xx`, body });
    expect(wrong.status).toBe(403);
    expect((await send(system.app, 'GET', '/api/auth/tokens', { cookie })).body).toEqual([]);

    const right = await send(system.app, 'POST', '/api/auth/tokens', { cookie, csrf, body });
    expect(right.status, JSON.stringify(right.body)).toBe(201);
  });

  it('logout ends the session and clears the cookie, so the cookie no longer works', async () => {
    const { email } = await personWithPassword();
    const { cookie, csrf } = await signIn(email);
    const out = await send(system.app, 'POST', '/api/auth/logout', { cookie, csrf });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^milepost_session=;.*Max-Age=0/);
    const after = await send(system.app, 'GET', '/api/auth/session', { cookie });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
  });

  it('stops a session once it has expired, and a token once it has', async () => {
    const { id, email } = await personWithPassword();
    const { cookie } = await signIn(email);
    expect((await send(system.app, 'GET', '/api/auth/session', { cookie })).status).toBe(200);
    await system.db.updateTable('sessions').set({ expiresAt: new Date(Date.now() - 1000) }).where('userId', '=', id).execute();
    expect((await send(system.app, 'GET', '/api/auth/session', { cookie })).status).toBe(401);

    const person = await createUser(system.app, 'Expiring');
    const created = await call(system.app, 'POST', '/api/auth/tokens', { name: 'short', role: 'member', expiresInDays: 1 }, { as: person });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await call(system.app, 'GET', '/api/auth/session', undefined, { as: { token: created.body.token } })).status).toBe(200);
    await system.db.updateTable('api_tokens').set({ expiresAt: new Date(Date.now() - 1000) }).where('id', '=', created.body.id).execute();
    expect((await call(system.app, 'GET', '/api/auth/session', undefined, { as: { token: created.body.token } })).status).toBe(401);
  });

  it('answers logout with a bearer token with 204 and leaves the token working', async () => {
    const person = await createUser(system.app, 'Bearer');
    expect((await call(system.app, 'POST', '/api/auth/logout', undefined, { as: person })).status).toBe(204);
    expect((await call(system.app, 'GET', '/api/auth/session', undefined, { as: person })).status).toBe(200);
  });

  it('answers the session endpoint with 401 when nobody is signed in', async () => {
    const res = await call(system.app, 'GET', '/api/auth/session', undefined, { as: null });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('compares e-mails without regard to case', async () => {
    const { email } = await personWithPassword();
    expect((await login(email.toUpperCase(), password)).status).toBe(200);
  });
});

describe('wrong credentials', () => {
  it('answers a wrong password and an unknown e-mail with the same 401', async () => {
    const { email } = await personWithPassword();
    const wrongPassword = await login(email, 'not the password at all');
    const unknownEmail = await login(`nobody-${randomUUID()}@example.com`, password);
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body.error.code).toBe('invalid_credentials');
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });

  it('refuses text PostgreSQL cannot store with 400, not a failure of ours', async () => {
    const res = await login('ann\u0000@example.com', password);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'email', message: 'must not contain the character U+0000' }]);
    const token = await call(system.app, 'POST', '/api/auth/tokens', { name: 'nul\u0000', role: 'viewer' });
    expect(token.status).toBe(400);
  });

  it('gives people without a password and people who left that same 401', async () => {
    const noPassword = await createUser(system.app, 'No Password');
    expect((await login(noPassword.email, password)).body.error.code).toBe('invalid_credentials');

    const { id, email } = await personWithPassword();
    expect((await call(system.app, 'PATCH', `/api/users/${id}`, { active: false })).status).toBe(200);
    const left = await login(email, password);
    expect(left.status).toBe(401);
    expect(left.body.error.code).toBe('invalid_credentials');
  });

  it('answers the 6th attempt after 5 failures from unknown browsers with 429 and Retry-After, even with the right password', async () => {
    const { email } = await personWithPassword();
    for (let i = 0; i < 5; i++) expect((await login(email, `wrong ${i}`)).status).toBe(401);
    const blocked = await login(email, password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('too_many_attempts');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(blocked.headers.get('set-cookie')).toBeNull();

    // Another account is not held back by this one's failures.
    const other = await personWithPassword();
    expect((await login(other.email, password)).status).toBe(200);
  });

  it('lets the owner sign in from a browser they used before while strangers guessing are held back, and counts that browser on its own', async () => {
    const { email } = await personWithPassword();
    const first = await login(email, password);
    const device = deviceOf(first)!;
    expect(device).toMatch(/^[\w-]{40,}$/);
    expect(first.headers.get('set-cookie')).toMatch(/milepost_device=[\w-]+; Max-Age=31536000; Path=\/api\/auth; HttpOnly; SameSite=Lax/);

    for (let i = 0; i < 5; i++) expect((await login(email, `stranger ${i}`)).status).toBe(401);
    expect((await login(email, password)).status).toBe(429);
    const owner = await login(email, password, { device });
    expect(owner.status, JSON.stringify(owner.body)).toBe(200);
    expect(deviceOf(owner)).toBeUndefined();

    // Another person's device cookie makes nobody known to this account.
    const other = await personWithPassword();
    const othersDevice = deviceOf(await login(other.email, password))!;
    expect((await login(email, password, { device: othersDevice })).status).toBe(429);

    // Wrong passwords typed on the known browser count for that browser alone.
    for (let i = 0; i < 5; i++) expect((await login(email, `typo ${i}`, { device })).status).toBe(401);
    expect((await login(email, password, { device })).status).toBe(429);
    expect((await login(other.email, password, { device: othersDevice })).status).toBe(200);
  });

  it('gives a burst of parallel guesses no more tries than a sequence', async () => {
    const { email } = await personWithPassword();
    const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => login(email, `parallel guess ${i}`).then((r) => r.status)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
  });

  it('starts the count over after a successful sign-in', async () => {
    const { email } = await personWithPassword();
    for (let i = 0; i < 4; i++) expect((await login(email, `wrong ${i}`)).status).toBe(401);
    expect((await login(email, password)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(email, `wrong again ${i}`)).status).toBe(401);
    expect((await login(email, password)).status).toBe(200);
  });

  it('holds back an address after 20 failures, whichever accounts they were for', async () => {
    const address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const { email } = await personWithPassword();
    for (let i = 0; i < 20; i++) expect((await login(`guess-${i}-${randomUUID()}@example.com`, password, { address })).status).toBe(401);
    const blocked = await login(email, password, { address });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same account from elsewhere signs in; the forwarded-for header cannot pose as elsewhere.
    expect((await login(email, password, { address, headers: { 'x-forwarded-for': '192.0.2.1' } })).status).toBe(429);
    expect((await login(email, password, { address: '192.0.2.1' })).status).toBe(200);
  });
});

describe('API tokens', () => {
  it('shows a new token once, lists it without its secret, and it works as a bearer with its role', async () => {
    const ada = await createUser(system.app, 'Ada', null, 'admin');
    const created = await call(system.app, 'POST', '/api/auth/tokens', { name: 'Read-only report', role: 'viewer', expiresInDays: 30 }, { as: ada });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual({
      token: expect.stringMatching(/^mp_[\w-]{40,}$/),
      id: expect.any(String),
      name: 'Read-only report',
      role: 'viewer',
      prefix: created.body.token.slice(0, 9),
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(Date.parse(created.body.expiresAt) - Date.now()).toBeGreaterThan(29.9 * 86_400_000);

    const listed = await call(system.app, 'GET', '/api/auth/tokens', undefined, { as: ada });
    const entry = listed.body.find((t: { id: string }) => t.id === created.body.id);
    expect(entry).toEqual({ ...created.body, token: undefined });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token.slice(9));

    const viewerToken = { token: created.body.token as string };
    const session = await call(system.app, 'GET', '/api/auth/session', undefined, { as: viewerToken });
    expect(session.body).toMatchObject({ via: 'token', csrfToken: null, expiresAt: created.body.expiresAt, grantableRoles: ['viewer'], user: { id: ada.id, role: 'admin' } });
    expect((await call(system.app, 'GET', '/api/users', undefined, { as: viewerToken })).status).toBe(200);
    const refused = await call(system.app, 'POST', '/api/users', { name: 'Nope', email: `nope-${randomUUID()}@example.com` }, { as: viewerToken });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
  });

  it('stops a revoked token (401) and shows when it was revoked', async () => {
    const bea = await createUser(system.app, 'Bea');
    const created = await call(system.app, 'POST', '/api/auth/tokens', { name: 'Short-lived', role: 'member' }, { as: bea });
    const token = { token: created.body.token as string };
    expect((await call(system.app, 'GET', '/api/auth/session', undefined, { as: token })).status).toBe(200);

    expect((await call(system.app, 'DELETE', `/api/auth/tokens/${created.body.id}`, undefined, { as: bea })).status).toBe(204);
    expect((await call(system.app, 'GET', '/api/auth/session', undefined, { as: token })).status).toBe(401);
    const listed = await call(system.app, 'GET', '/api/auth/tokens', undefined, { as: bea });
    expect(listed.body.find((t: { id: string }) => t.id === created.body.id).revokedAt).toEqual(expect.any(String));
    // Revoking again changes nothing.
    expect((await call(system.app, 'DELETE', `/api/auth/tokens/${created.body.id}`, undefined, { as: bea })).status).toBe(204);
  });

  it("answers 404 for someone else's token id and leaves that token working", async () => {
    const owner = await createUser(system.app, 'Owner');
    const other = await createUser(system.app, 'Other');
    const created = await call(system.app, 'POST', '/api/auth/tokens', { name: 'Mine', role: 'viewer' }, { as: owner });
    const res = await call(system.app, 'DELETE', `/api/auth/tokens/${created.body.id}`, undefined, { as: other });
    expect(res.status).toBe(404);
    expect((await call(system.app, 'GET', '/api/auth/tokens', undefined, { as: other })).body.map((t: { id: string }) => t.id)).not.toContain(created.body.id);
    expect((await call(system.app, 'GET', '/api/auth/session', undefined, { as: { token: created.body.token } })).status).toBe(200);
  });

  it('never lets a token make a token that outlives it: without a lifetime the new one expires with it, and a longer one is refused', async () => {
    const person = await createUser(system.app, 'Minting');
    const parent = await call(system.app, 'POST', '/api/auth/tokens', { name: 'Ten days', role: 'member', expiresInDays: 10 }, { as: person });
    expect(parent.status, JSON.stringify(parent.body)).toBe(201);
    const asParent = { token: parent.body.token as string };

    const unlimited = await call(system.app, 'POST', '/api/auth/tokens', { name: 'Forever?', role: 'member' }, { as: asParent });
    expect(unlimited.status, JSON.stringify(unlimited.body)).toBe(201);
    expect(unlimited.body.expiresAt).toBe(parent.body.expiresAt);

    const longer = await call(system.app, 'POST', '/api/auth/tokens', { name: 'Longer', role: 'viewer', expiresInDays: 11 }, { as: asParent });
    expect(longer.status).toBe(400);
    expect(longer.body.error.details).toEqual([{ path: 'expiresInDays', message: expect.stringMatching(/^may be at most 9: the token you are using expires at .*, and a token cannot make one that outlives it$/) }]);
    const shorter = await call(system.app, 'POST', '/api/auth/tokens', { name: 'Shorter', role: 'viewer', expiresInDays: 9 }, { as: asParent });
    expect(shorter.status).toBe(201);

    const names = (await call(system.app, 'GET', '/api/auth/tokens', undefined, { as: person })).body.map((t: { name: string }) => t.name);
    expect(names).not.toContain('Longer');
    // A person signed in (or a token without an end) still makes tokens that last until revoked.
    expect((await call(system.app, 'POST', '/api/auth/tokens', { name: 'Until revoked', role: 'viewer' }, { as: person })).body.expiresAt).toBeNull();
  });

  it('revokes every token a token made, and the ones those made, when that token is revoked, and leaves the rest alone', async () => {
    const person = await createUser(system.app, 'Revoking');
    const make = async (name: string, as: { token: string } | typeof person) => {
      const made = await call(system.app, 'POST', '/api/auth/tokens', { name, role: 'viewer' }, { as });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return made.body as { id: string; token: string };
    };
    const parent = await make('Parent', person);
    const child = await make('Child', { token: parent.token });
    const grandchild = await make('Grandchild', { token: child.token });
    const sibling = await make('Made signed in', person);

    expect((await call(system.app, 'DELETE', `/api/auth/tokens/${parent.id}`, undefined, { as: person })).status).toBe(204);
    for (const revoked of [parent, child, grandchild]) {
      expect((await call(system.app, 'GET', '/api/auth/session', undefined, { as: { token: revoked.token } })).status).toBe(401);
    }
    expect((await call(system.app, 'GET', '/api/auth/session', undefined, { as: { token: sibling.token } })).status).toBe(200);
    const listed = (await call(system.app, 'GET', '/api/auth/tokens', undefined, { as: person })).body as { name: string; revokedAt: string | null }[];
    const made = ['Parent', 'Child', 'Grandchild', 'Made signed in'];
    expect(listed.filter((t) => made.includes(t.name)).map((t) => [t.name, t.revokedAt !== null]).sort()).toEqual([
      ['Child', true],
      ['Grandchild', true],
      ['Made signed in', false],
      ['Parent', true],
    ]);
  });

  it('refuses a member an admin token with 403 and creates nothing', async () => {
    const member = await createUser(system.app, 'Member');
    const res = await call(system.app, 'POST', '/api/auth/tokens', { name: 'Escalate', role: 'admin' }, { as: member });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(res.body.error.message).toContain('member, viewer');
    expect((await call(system.app, 'GET', '/api/auth/tokens', undefined, { as: member })).body.map((t: { name: string }) => t.name)).not.toContain('Escalate');
  });

  it('refuses unknown fields and out-of-range expiries', async () => {
    const member = await createUser(system.app, 'Strict');
    const res = await call(system.app, 'POST', '/api/auth/tokens', { name: 'x', role: 'viewer', expiresInDays: 366, userId: randomUUID() }, { as: member });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['expiresInDays', 'userId']);
  });
});

describe('changing your password', () => {
  it('refuses a wrong current password, and a change ends your other sessions but not this one', async () => {
    const { email } = await personWithPassword();
    const here = await signIn(email);
    const elsewhere = await signIn(email);

    const wrong = await send(system.app, 'PUT', '/api/auth/password', { ...here, body: { currentPassword: 'not it at all', newPassword: 'a brand new secret' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([{ path: 'currentPassword', message: 'is not your current password' }]);
    expect((await send(system.app, 'GET', '/api/auth/session', { cookie: elsewhere.cookie })).status).toBe(200);

    const changed = await send(system.app, 'PUT', '/api/auth/password', { ...here, body: { currentPassword: password, newPassword: 'a brand new secret' } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(204);
    expect((await send(system.app, 'GET', '/api/auth/session', { cookie: here.cookie })).status).toBe(200);
    expect((await send(system.app, 'GET', '/api/auth/session', { cookie: elsewhere.cookie })).status).toBe(401);
    expect((await login(email, password)).status).toBe(401);
    expect((await login(email, 'a brand new secret')).status).toBe(200);
  });

  it('refuses a new password under 10 characters', async () => {
    const { email } = await personWithPassword();
    const here = await signIn(email);
    const res = await send(system.app, 'PUT', '/api/auth/password', { ...here, body: { currentPassword: password, newPassword: 'short' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'newPassword', message: 'must be at least 10 characters' }]);
  });
});

describe('choosing your language', () => {
  it('keeps the language you choose, shows it with your session, clears it with null, and the audit trail records each change under you', async () => {
    const { id, email } = await personWithPassword();
    const here = await signIn(email);
    expect((await send(system.app, 'GET', '/api/auth/session', here)).body.user.language).toBeNull();

    const chosen = await send(system.app, 'PUT', '/api/auth/language', { ...here, body: { language: 'zh-CN' } });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(chosen.body).toMatchObject({ id, language: 'zh-CN' });
    expect((await send(system.app, 'GET', '/api/auth/session', here)).body.user.language).toBe('zh-CN');
    // Signing in anywhere else brings it along.
    expect((await login(email, password)).body.user.language).toBe('zh-CN');

    const cleared = await send(system.app, 'PUT', '/api/auth/language', { ...here, body: { language: null } });
    expect(cleared.status).toBe(200);
    expect((await send(system.app, 'GET', '/api/auth/session', here)).body.user.language).toBeNull();

    const trail = await call<{ events: { entity: string; entityId: string; actor: { userId: string | null }; before: any; after: any }[] }>(system.app, 'GET', `/api/audit?userId=${id}`);
    const changes = trail.body.events.filter((event) => event.entity === 'users' && event.entityId === id).map((event) => [event.before?.language, event.after?.language]);
    expect(changes).toEqual([
      ['zh-CN', null],
      [null, 'zh-CN'],
    ]);
  });

  it('refuses a language Milepost does not speak with 400 naming the field, and changes nothing', async () => {
    const { email } = await personWithPassword();
    const here = await signIn(email);
    await send(system.app, 'PUT', '/api/auth/language', { ...here, body: { language: 'en' } });
    for (const body of [{ language: 'fr' }, {}, { language: 'en', extra: true }]) {
      const refused = await send(system.app, 'PUT', '/api/auth/language', { ...here, body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    const fr = await send(system.app, 'PUT', '/api/auth/language', { ...here, body: { language: 'fr' } });
    expect(fr.body.error.details).toEqual([expect.objectContaining({ path: 'language' })]);
    expect((await send(system.app, 'GET', '/api/auth/session', here)).body.user.language).toBe('en');
  });

  it("lets an admin set a person's language through the users API, and refuses one Milepost does not speak", async () => {
    const { id, email } = await personWithPassword();
    const set = await call(system.app, 'PATCH', `/api/users/${id}`, { language: 'zh-CN' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.language).toBe('zh-CN');
    expect((await login(email, password)).body.user.language).toBe('zh-CN');
    const refused = await call(system.app, 'PATCH', `/api/users/${id}`, { language: 'fr' });
    expect(refused.status).toBe(400);
    expect((await call(system.app, 'GET', `/api/users/${id}`)).body.language).toBe('zh-CN');
  });
});
