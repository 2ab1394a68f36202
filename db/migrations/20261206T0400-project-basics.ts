import { sql, type Kysely } from 'kysely';

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A running project's basics: what it is about, in the owner's words, and the team it is for.
  await db.schema
    .alterTable('sales_projects')
    .addColumn('description', 'text')
    .addColumn('team_id', 'uuid', (c) => c.references('teams.id'))
    .execute();
  // A change of the project's calendar, review cadence or monitoring window moves timers, so once
  // the project runs it is a change request of the project itself, like a milestone's due date.
  await sql`alter table change_requests drop constraint change_requests_subject_kind`.execute(db);
  await sql`alter table change_requests drop constraint change_requests_field`.execute(db);
  await sql`alter table change_requests add constraint change_requests_subject_kind check (subject_kind in ('milestone', 'goal', 'project'))`.execute(db);
  await sql`alter table change_requests add constraint change_requests_field check (field in ('target', 'due_at', 'calendar', 'review_every_days', 'monitoring_days'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from change_requests where subject_kind = 'project'`.execute(db);
  await sql`alter table change_requests drop constraint change_requests_subject_kind`.execute(db);
  await sql`alter table change_requests drop constraint change_requests_field`.execute(db);
  await sql`alter table change_requests add constraint change_requests_subject_kind check (subject_kind in ('milestone', 'goal'))`.execute(db);
  await sql`alter table change_requests add constraint change_requests_field check (field in ('target', 'due_at'))`.execute(db);
  await db.schema.alterTable('sales_projects').dropColumn('team_id').dropColumn('description').execute();
}
