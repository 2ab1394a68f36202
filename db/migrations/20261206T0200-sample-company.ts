import { sql, type Kysely } from 'kysely';

/** Tables of this migration left out of the audit trail, and why (the audit test reads it). */
export const unauditedTables: Record<string, string> = {
  sample_company_rows: 'bookkeeping of which people and projects the sample company made; those rows are audited themselves',
};

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // What loading the sample company made, so removing it deletes exactly that and nothing else.
  // No foreign keys: a row a person deleted by hand leaves a line that removal simply skips.
  await db.schema
    .createTable('sample_company_rows')
    .addColumn('entity', 'text', (c) => c.notNull().check(sql`entity in ('users', 'sales_projects')`))
    .addColumn('entity_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('sample_company_rows_pkey', ['entity', 'entity_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sample_company_rows').execute();
}
