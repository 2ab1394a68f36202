import { describe, expect, it } from 'vitest';
import { createOrPromoteAdmin, ensureFirstAdmin } from '../../api/auth/first-admin';
import { verifyPassword } from '../../api/auth/password';
import type { Db } from '../../db/connect';
import { createSession, findSession } from '../../db/queries/auth';
import { insertUser } from '../../db/queries/users';
import { useOwnDatabases } from '../support/own-databases';

/** Each test gets a database of its own: the first admin is about a database with no admin yet. */
const databases = useOwnDatabases('first_admin');
const emptyDatabase = () => databases.create();

const passwordOf = async (db: Db, email: string) => (await db.selectFrom('users').select('passwordHash').where('email', '=', email).executeTakeFirstOrThrow()).passwordHash!;

describe('the first admin from the environment', () => {
  it('does nothing without MILEPOST_ADMIN_* and says how to make one', async () => {
    const db = await emptyDatabase();
    const outcome = await ensureFirstAdmin(db, {});
    expect(outcome).toEqual({ action: 'none', adminMissing: true, reason: expect.stringContaining('MILEPOST_ADMIN_EMAIL and MILEPOST_ADMIN_PASSWORD') });
    expect(await db.selectFrom('users').selectAll().execute()).toEqual([]);
  });

  it('creates the admin with that password when nobody is admin, and leaves things alone after', async () => {
    const db = await emptyDatabase();
    const env = { MILEPOST_ADMIN_EMAIL: 'Root@Example.com', MILEPOST_ADMIN_PASSWORD: 'a long first secret', MILEPOST_ADMIN_NAME: 'Rita Root' };
    const outcome = await ensureFirstAdmin(db, env);
    expect(outcome).toEqual({ action: 'created', email: 'root@example.com', userId: expect.any(String) });
    const user = await db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({ name: 'Rita Root', email: 'root@example.com', role: 'admin', active: true });
    expect(await verifyPassword(user.passwordHash!, 'a long first secret')).toBe(true);

    const again = await ensureFirstAdmin(db, { ...env, MILEPOST_ADMIN_PASSWORD: 'a different secret' });
    expect(again).toEqual({ action: 'none', adminMissing: false, reason: expect.stringContaining('an active admin exists') });
    expect(await verifyPassword(await passwordOf(db, 'root@example.com'), 'a long first secret')).toBe(true);
  });

  it('promotes the person who already has that e-mail and sets their password', async () => {
    const db = await emptyDatabase();
    const existing = await insertUser(db, { name: 'Mo', email: 'mo@example.com', role: 'member' });
    const outcome = await ensureFirstAdmin(db, { MILEPOST_ADMIN_EMAIL: 'mo@example.com', MILEPOST_ADMIN_PASSWORD: 'promoted at last' });
    expect(outcome).toEqual({ action: 'promoted', email: 'mo@example.com', userId: existing.id });
    expect(await db.selectFrom('users').select(['name', 'role']).where('id', '=', existing.id).executeTakeFirst()).toEqual({ name: 'Mo', role: 'admin' });
    expect(await verifyPassword(await passwordOf(db, 'mo@example.com'), 'promoted at last')).toBe(true);
  });

  it('refuses half a configuration or a short password, and writes nothing', async () => {
    const db = await emptyDatabase();
    await expect(ensureFirstAdmin(db, { MILEPOST_ADMIN_EMAIL: 'half@example.com' })).rejects.toThrow(/only MILEPOST_ADMIN_EMAIL is set/);
    await expect(ensureFirstAdmin(db, { MILEPOST_ADMIN_PASSWORD: 'a long enough one' })).rejects.toThrow(/only MILEPOST_ADMIN_PASSWORD is set/);
    await expect(ensureFirstAdmin(db, { MILEPOST_ADMIN_EMAIL: 'short@example.com', MILEPOST_ADMIN_PASSWORD: 'short' })).rejects.toThrow(/password must be at least 10 characters/);
    expect(await db.selectFrom('users').selectAll().execute()).toEqual([]);
  });
});

describe('npm run create-admin', () => {
  it('creates an admin, writing the change to the audit trail without the password hash', async () => {
    const db = await emptyDatabase();
    const { action, user } = await createOrPromoteAdmin(db, { email: 'Ann@Example.com', name: 'Ann', password: 'ann has a secret' });
    expect(action).toBe('created');
    expect(user).toMatchObject({ name: 'Ann', email: 'ann@example.com', role: 'admin', active: true });
    const [event] = await db.selectFrom('audit_events').selectAll().where('entity', '=', 'users').where('entityId', '=', user.id).execute();
    expect(event).toMatchObject({ action: 'insert', actorKind: 'system', actorDetail: 'create-admin' });
    expect(event!.after).toMatchObject({ role: 'admin', password_hash: 'set' });
    expect(JSON.stringify(event)).not.toContain('$argon2');
  });

  it('makes an existing admin a new password, ends their sessions, and promotes and reactivates others', async () => {
    const db = await emptyDatabase();
    const first = await createOrPromoteAdmin(db, { email: 'ann@example.com', name: 'Ann', password: 'ann has a secret' });
    const session = await createSession(db, first.user.id, 60_000);
    const reset = await createOrPromoteAdmin(db, { email: 'ann@example.com', password: 'ann forgot it all' });
    expect(reset).toMatchObject({ action: 'updated', user: { id: first.user.id, name: 'Ann' } });
    expect(await verifyPassword(await passwordOf(db, 'ann@example.com'), 'ann forgot it all')).toBe(true);
    expect(await findSession(db, session.secret)).toBeUndefined();

    const left = await insertUser(db, { name: 'Lee', email: 'lee@example.com', role: 'viewer', active: false });
    const promoted = await createOrPromoteAdmin(db, { email: 'lee@example.com', name: 'Lee Again', password: 'lee is back now' });
    expect(promoted).toMatchObject({ action: 'promoted', user: { id: left.id, name: 'Lee Again', role: 'admin', active: true } });
  });

  it('refuses a password under 10 characters and a malformed e-mail, writing nothing', async () => {
    const db = await emptyDatabase();
    await expect(createOrPromoteAdmin(db, { email: 'ann@example.com', password: 'too short' })).rejects.toThrow(/password must be at least 10 characters/);
    await expect(createOrPromoteAdmin(db, { email: 'not an e-mail', password: 'long enough secret' })).rejects.toThrow(/email must be an e-mail address/);
    expect(await db.selectFrom('users').selectAll().execute()).toEqual([]);
  });
});
