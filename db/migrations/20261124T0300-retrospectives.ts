import { sql, type Kysely } from 'kysely';

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // How long the team has to answer, when they are reminded, and when it closes regardless.
  await db.schema
    .alterTable('sales_projects')
    .addColumn('retro_input_days', 'numeric', (c) => c.notNull().defaultTo(5))
    .addColumn('retro_reminder_days', 'numeric', (c) => c.notNull().defaultTo(1))
    .addColumn('retro_hard_deadline_days', 'numeric', (c) => c.notNull().defaultTo(10))
    .execute();

  // What happened when, for the retrospective's timeline (phases, decisions, closes).
  await db.schema
    .createTable('project_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('sales_projects.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .execute();
  await db.schema.createIndex('project_events_project_at_idx').on('project_events').columns(['project_id', 'at']).execute();

  await db.schema
    .createTable('retrospectives')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // One project, one retrospective, however often the trigger fires.
    .addColumn('project_id', 'uuid', (c) => c.notNull().unique().references('sales_projects.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('collecting'))
    .addColumn('report', 'jsonb', (c) => c.notNull())
    .addColumn('input_due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('hard_deadline_at', 'timestamptz', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finalized_at', 'timestamptz')
    .addColumn('finalized_by', 'uuid', (c) => c.references('users.id'))
    .addCheckConstraint('retrospectives_status', sql`status in ('collecting', 'finalized')`)
    .execute();

  await db.schema
    .createTable('retrospective_inputs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('retrospective_id', 'uuid', (c) => c.notNull().references('retrospectives.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('went_well', 'text', (c) => c.notNull())
    .addColumn('to_improve', 'text', (c) => c.notNull())
    .addColumn('action_items', 'jsonb', (c) => c.notNull())
    .addColumn('late', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('retrospective_inputs_one_per_person', ['retrospective_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('retrospective_inputs').execute();
  await db.schema.dropTable('retrospectives').execute();
  await db.schema.dropTable('project_events').execute();
  await db.schema
    .alterTable('sales_projects')
    .dropColumn('retro_input_days')
    .dropColumn('retro_reminder_days')
    .dropColumn('retro_hard_deadline_days')
    .execute();
}
