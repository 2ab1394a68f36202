import { sql, type Kysely } from 'kysely';

// Frozen in time: later changes go into new migrations, never here.

/** Tables of this migration left out of the audit trail, and why (the audit test reads it). */
export const unauditedTables: Record<string, string> = {
  known_devices: 'sign-in bookkeeping, like sessions',
};

export async function up(db: Kysely<unknown>): Promise<void> {
  // A browser a person has signed in from: failed sign-ins from it are counted apart, so strangers
  // guessing a password cannot lock its owner out (OWASP's "device cookies").
  await db.schema
    .createTable('known_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('known_devices_user_idx').on('known_devices').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('known_devices').execute();
}
