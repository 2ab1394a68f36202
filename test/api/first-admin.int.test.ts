import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrPromoteAdmin, ensureFirstAdmin } from '../../api/auth/first-admin';
import { verifyPassword } from '../../api/auth/password';
import { createDb, type Db } from '../../db/connect';
import { createSession, findSession } from '../../db/queries/auth';
import { insertUser } from '../../db/queries/users';
import { migrateToLatest } from '../../db/migrate';

/**
 * Each test gets a database of its own, copied from a migrated template, because the first admin
 * is about a database with no admin yet, and the suite's shared one has its admin.
 */
const server = () => createDb(inject('adminDatabaseUrl'), { max: 1 });
const urlOf = (name: string) => inject('adminDatabaseUrl').replace(/\/postgres$/, `/${name}`);
const template = `first_admin_${randomUUID().replaceAll('-', '')}`;
const made: string[] = [];
const open: Db[] = [];

beforeAll(async () => {
  const admin = server();
  await sql.raw(`create database ${template}`).execute(admin);
  await admin.destroy();
  const db = createDb(urlOf(template), { max: 1 });
  await migrateToLatest(db);
  await db.destroy();
});

afterAll(async () => {
  await Promise.all(open.map((db) => db.destroy()));
  const admin = server();
  for (const name of [...made, template]) await sql.raw(`drop database if exists ${name}`).execute(admin);
  await admin.destroy();
});

async function emptyDatabase(): Promise<Db> {
  const name = `first_admin_${randomUUID().replaceAll('-', '')}`;
  const admin = server();
  await sql.raw(`create database ${name} template ${template}`).execute(admin);
  await admin.destroy();
  made.push(name);
  const db = createDb(urlOf(name), { max: 3 });
  open.push(db);
  return db;
}

const passwordOf = async (db: Db, email: string) => (await db.selectFrom('users').select('password_hash').where('email', '=', email).executeTakeFirstOrThrow()).password_hash!;

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
    expect(await verifyPassword(user.password_hash!, 'a long first secret')).toBe(true);

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
    const [event] = await db.selectFrom('audit_events').selectAll().where('entity', '=', 'users').where('entity_id', '=', user.id).execute();
    expect(event).toMatchObject({ action: 'insert', actor_kind: 'system', actor_detail: 'create-admin' });
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
