import { sql, type Kysely } from 'kysely';

/** The channel on which PostgreSQL names a person whose sign-in state just changed (api/auth/principal-cache.ts listens). */
export const authChangesChannel = 'milepost_auth';

/** What each trigger watches, and the column naming the person whose cached sign-ins it affects. */
const watched = [
  // Any change to a person: role, active, name, e-mail (the cached principal carries them all).
  { table: 'users', events: 'update or delete', person: 'id' },
  // Revocation (a token's children are revoked row by row in the same statement), expiry, scope;
  // `last_used_at` is bookkeeping and deliberately not watched.
  { table: 'api_tokens', events: 'update of user_id, role, revoked_at, expires_at, token_hash or delete', person: 'user_id' },
  // Sign-out, sign-out everywhere, expiry moved.
  { table: 'sessions', events: 'update or delete', person: 'user_id' },
] as const;

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // pg_notify inside the changing transaction is delivered when (and only if) it commits, to every
  // replica listening, at once. Notifications with the same payload in one transaction are sent
  // once, so revoking a token with all its children names its person once.
  await sql`
    create function notify_auth_change() returns trigger language plpgsql as $$
    declare
      before text := to_jsonb(old) ->> tg_argv[0];
      after text := to_jsonb(new) ->> tg_argv[0];
    begin
      if before is not null then perform pg_notify(${sql.lit(authChangesChannel)}, before); end if;
      if after is not null and after is distinct from before then perform pg_notify(${sql.lit(authChangesChannel)}, after); end if;
      return null;
    end $$`.execute(db);
  for (const { table, events, person } of watched) {
    await sql`create trigger notify_auth_change after ${sql.raw(events)} on ${sql.table(table)} for each row execute function notify_auth_change(${sql.lit(person)})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const { table } of watched) await sql`drop trigger if exists notify_auth_change on ${sql.table(table)}`.execute(db);
  await sql`drop function if exists notify_auth_change()`.execute(db);
}
