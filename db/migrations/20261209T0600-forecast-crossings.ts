import { sql, type Kysely } from 'kysely';

/** The tables this migration adds to the audit trail (test/api/audit.int.test.ts reads it beside the first list). */
export const auditedTables: Record<string, { idColumns: string[]; project: string }> = {
  forecast_crossings: { idColumns: ['id'], project: 'project_id' },
};

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Each time a KPI report moved the forecast of a goal, an allocation or a milestone across the
  // threshold of the flow bound to "forecast below threshold": the newest row of a subject and
  // threshold says which side it is on, so a fall raises the flow once, and again only after a rise.
  await db.schema
    .createTable('forecast_crossings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('sales_projects.id').onDelete('cascade'))
    .addColumn('subject_kind', 'text', (c) => c.notNull().check(sql`subject_kind in ('goal', 'allocation', 'milestone')`))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('threshold_pct', 'numeric', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('fell_below', 'rose_above')`))
    .addColumn('percent_of_plan', 'numeric', (c) => c.notNull())
    .addColumn('forecast', 'jsonb', (c) => c.notNull())
    .addColumn('report_id', 'uuid')
    .addColumn('crossed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('forecast_crossings_subject').on('forecast_crossings').columns(['project_id', 'subject_kind', 'subject_id', 'crossed_at']).execute();
  await sql`create trigger audit_row after insert or update or delete on forecast_crossings for each row execute function audit_row('id', 'project_id')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('forecast_crossings').execute();
}
