import { sql, type Kysely } from 'kysely';

/** Tables left off the audit trail, with why (test/api/audit.int.test.ts reads this). */
export const unauditedTables: Record<string, string> = {
  project_lifecycles: 'a projection of the lifecycle workflow’s own state, written by the engine at each step; the changes it mirrors are audited where they are made',
};

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // What the project's lifecycle workflow holds in memory (the checks still to come, the flows it
  // runs, a submission waiting for approval…), as the workflow last wrote it. Pages read this row,
  // never the engine; `version` only grows, so a late write of an older state changes nothing.
  await db.schema
    .createTable('project_lifecycles')
    .addColumn('project_id', 'uuid', (c) => c.primaryKey().references('sales_projects.id').onDelete('cascade'))
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('project_lifecycles').execute();
}
