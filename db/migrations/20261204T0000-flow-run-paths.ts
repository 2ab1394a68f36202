import type { Kysely } from 'kysely';

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The path a finished run took (steps with their start and end), kept with the run: Temporal
  // forgets closed workflows after its retention, the run's trace and heat must not. Null while
  // the run is running (its live state answers then) and for runs finished before this existed.
  // flow_runs stays audited by the trigger its table already has; the path is part of the row.
  await db.schema.alterTable('flow_runs').addColumn('path', 'jsonb').execute();
  // A version's runs, newest first: the runs list and the heat over the last N finished runs.
  await db.schema.createIndex('flow_runs_version_started_idx').on('flow_runs').columns(['flow_version_id', 'started_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('flow_runs_version_started_idx').execute();
  await db.schema.alterTable('flow_runs').dropColumn('path').execute();
}
