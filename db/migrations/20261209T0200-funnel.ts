import { sql, type Kysely } from 'kysely';

/** The tables this migration adds to the audit trail (test/api/audit.int.test.ts reads it beside the first list). */
export const auditedTables: Record<string, { idColumns: string[]; project?: string }> = {
  project_funnels: { idColumns: ['project_id'], project: 'project_id' },
};

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A project's sales funnel: its stages top first (key, name, conversion rate to the next one;
  // the last, the signed contract, has none) and the average deal. One per project; an edit
  // replaces it whole, so the audit trail shows the funnel before and after.
  await db.schema
    .createTable('project_funnels')
    .addColumn('project_id', 'uuid', (c) => c.primaryKey().references('sales_projects.id').onDelete('cascade'))
    .addColumn('average_deal', 'numeric', (c) => c.notNull())
    .addColumn('stages', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('project_funnels_average_deal_positive', sql`average_deal > 0`)
    .addCheckConstraint('project_funnels_has_stages', sql`jsonb_typeof(stages) = 'array' and jsonb_array_length(stages) > 0`)
    .execute();
  await sql`create trigger audit_row after insert or update or delete on project_funnels for each row execute function audit_row('project_id', 'project_id')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('project_funnels').execute();
}
