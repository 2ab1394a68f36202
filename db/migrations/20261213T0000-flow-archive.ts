import type { Kysely } from 'kysely';

/**
 * Archiving a flow: it leaves the list and takes no new bindings or drafts, while its versions stay
 * (runs that used them keep their history); restoring clears the mark.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('flows').addColumn('archived_at', 'timestamptz').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('flows').dropColumn('archived_at').execute();
}
