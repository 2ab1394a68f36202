import { sql, type Kysely } from 'kysely';

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Once a project runs, sharing a goal out among its members again is a change request of the goal.
  await sql`alter table change_requests drop constraint change_requests_field`.execute(db);
  await sql`alter table change_requests add constraint change_requests_field check (field in ('target', 'due_at', 'calendar', 'review_every_days', 'monitoring_days', 'allocation'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from change_requests where field = 'allocation'`.execute(db);
  await sql`alter table change_requests drop constraint change_requests_field`.execute(db);
  await sql`alter table change_requests add constraint change_requests_field check (field in ('target', 'due_at', 'calendar', 'review_every_days', 'monitoring_days'))`.execute(db);
}
