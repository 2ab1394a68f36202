import { sql, type Kysely } from 'kysely';

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The trail is written with the rights of the role that owns it (the one running migrations),
  // so the application's role needs none on audit_events but to read it: it can neither write a
  // row of its own nor change one. search_path is fixed, as for every security-definer function.
  await sql`alter function audit_row() security definer set search_path = public, pg_temp`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter function audit_row() security invoker reset search_path`.execute(db);
}
