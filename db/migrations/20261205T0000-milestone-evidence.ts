import type { Kysely } from 'kysely';

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Where the team shows the milestone is met ("signed contracts in the CRM").
  await db.schema.alterTable('milestones').addColumn('evidence', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('milestones').dropColumn('evidence').execute();
}
