import { sql } from 'kysely';
import type { Db } from './connect';

export class AppRoleError extends Error {
  override readonly name = 'AppRoleError';
}

/** Tables the application reads but never writes: the audit trail and the migrations' bookkeeping. */
const readOnlyTables = ['audit_events', 'kysely_migration', 'kysely_migration_lock'];

/**
 * Gives the role the application connects as what it needs and nothing more: to read and write
 * rows, never to change the schema. Run by the role that owns the tables (the one that ran the
 * migrations) after every migration, so new tables are covered. Owning neither the tables nor
 * their triggers, the application cannot disable, drop or bypass the audit trail; the trail is
 * written by its owner's function, so the application cannot write or change an entry either.
 *
 * With `password`, the role is created when missing and given that password (the embedded setup
 * makes one each start); without, it must exist already (an operator's role).
 */
export async function grantAppRole(owner: Db, { role, password }: { role: string; password?: string }): Promise<void> {
  const appRole = sql.id(role);
  const exists = (await sql`select 1 from pg_roles where rolname = ${role}`.execute(owner)).rows.length > 0;
  if (!exists && password === undefined) {
    throw new AppRoleError(`The database role "${role}" of DATABASE_URL does not exist. Create it as a login role without other rights, then start again.`);
  }
  if (!exists) await sql`create role ${appRole} login`.execute(owner);
  if (password !== undefined) await sql`alter role ${appRole} with login password ${sql.lit(password)}`.execute(owner);
  const { rows } = await sql<{ database: string }>`select current_database() as database`.execute(owner);
  await sql`grant connect on database ${sql.id(rows[0]!.database)} to ${appRole}`.execute(owner);
  await sql`grant usage on schema public to ${appRole}`.execute(owner);
  await sql`grant select, insert, update, delete on all tables in schema public to ${appRole}`.execute(owner);
  await sql`revoke insert, update, delete on ${sql.join(readOnlyTables.map((t) => sql.table(t)))} from ${appRole}`.execute(owner);
  await sql`grant usage, select on all sequences in schema public to ${appRole}`.execute(owner);
}

/** `url` with another user and password. */
export function asRole(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}
