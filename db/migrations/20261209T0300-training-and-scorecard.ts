import { sql, type Kysely } from 'kysely';

/** The tables this migration adds to the audit trail (test/api/audit.int.test.ts reads it beside the first list). */
export const auditedTables: Record<string, { idColumns: string[] }> = {
  training_items: { idColumns: ['id'] },
  training_attendees: { idColumns: ['training_id', 'user_id'] },
  scorecards: { idColumns: ['project_id'] },
};

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A training item of the plan: internal or external training, or a mentoring pairing. The
  // trainer is a user, or a free name (an external trainer); its cost sits on a budget line.
  await db.schema
    .createTable('training_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('sales_projects.id').onDelete('cascade'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('internal', 'external', 'mentoring')`))
    .addColumn('trainer_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('trainer_name', 'text')
    .addColumn('date', 'timestamptz', (c) => c.notNull())
    // The end of the item's date in the project's time zone: completion is due by then.
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('budget_line_id', 'uuid', (c) => c.references('budget_lines.id').onDelete('set null'))
    .addColumn('cost', 'numeric')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('training_items_trainer', sql`trainer_id is not null or trainer_name is not null`)
    .execute();
  await db.schema.createIndex('training_items_project_idx').on('training_items').columns(['project_id', 'date']).execute();
  await sql`create trigger audit_row after insert or update or delete on training_items for each row execute function audit_row('id', 'project_id')`.execute(db);

  // Who attends an item, and what happened: attendance (null = not recorded yet), completion and an optional score.
  await db.schema
    .createTable('training_attendees')
    .addColumn('training_id', 'uuid', (c) => c.notNull().references('training_items.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('attended', 'boolean')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('score', 'numeric')
    .addPrimaryKeyConstraint('training_attendees_pk', ['training_id', 'user_id'])
    .execute();
  await sql`create trigger audit_row after insert or update or delete on training_attendees for each row execute function audit_row('training_id,user_id', 'training_items', 'training_id')`.execute(db);

  // A project's balanced scorecard: its weighted dimensions (a goal's KPI metric or training
  // completion), each with the cap its attainment counts up to. None = the ranking by one metric.
  await db.schema
    .createTable('scorecards')
    .addColumn('project_id', 'uuid', (c) => c.primaryKey().references('sales_projects.id').onDelete('cascade'))
    .addColumn('dimensions', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create trigger audit_row after insert or update or delete on scorecards for each row execute function audit_row('project_id', 'project_id')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('scorecards').execute();
  await db.schema.dropTable('training_attendees').execute();
  await db.schema.dropTable('training_items').execute();
}
