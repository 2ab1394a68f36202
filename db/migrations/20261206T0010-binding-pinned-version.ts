import type { Kysely } from 'kysely';

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A binding may pin one published version of its flow; null runs the newest.
  await db.schema.alterTable('flow_bindings').addColumn('pinned_version', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('flow_bindings').dropColumn('pinned_version').execute();
}
