import { sql, type Kysely } from 'kysely';

/** The tables this migration adds to the audit trail (test/api/audit.int.test.ts reads it beside the first list). */
export const auditedTables: Record<string, { idColumns: string[] }> = {
  shared_calendar_years: { idColumns: ['calendar_id', 'year'] },
};

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A year of a shared calendar (cn-mainland) as an admin imported or edited it: it replaces the
  // year the chinese-days package ships, or adds one the package does not know yet (the State
  // Council publishes next year's schedule each autumn). Days are [{ date, name }] arrays.
  await db.schema
    .createTable('shared_calendar_years')
    .addColumn('calendar_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('holidays', 'jsonb', (c) => c.notNull())
    .addColumn('working_days', 'jsonb', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('csv', 'ics', 'json')`))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('shared_calendar_years_pkey', ['calendar_id', 'year'])
    .execute();
  await sql`create trigger audit_row after insert or update or delete on shared_calendar_years for each row execute function audit_row('calendar_id,year')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('shared_calendar_years').execute();
}
