import type { Kysely } from 'kysely';

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // What a milestone means for the team, in the owner's words ("the first three key accounts signed").
  await db.schema.alterTable('milestones').addColumn('description', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('milestones').dropColumn('description').execute();
}
