import { sql, type Kysely } from 'kysely';

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('manager_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('users_not_own_manager', sql`manager_id is null or manager_id <> id`)
    .execute();

  await db.schema
    .createTable('sales_projects')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('period_start', 'timestamptz', (c) => c.notNull())
    .addColumn('period_end', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('escalation_ack_timeout_seconds', 'integer', (c) => c.notNull().defaultTo(172800))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('sales_projects_period', sql`period_end > period_start`)
    .addCheckConstraint('sales_projects_status', sql`status in ('active', 'closed')`)
    .addCheckConstraint('sales_projects_ack_timeout', sql`escalation_ack_timeout_seconds > 0`)
    .execute();

  await db.schema
    .createTable('milestones')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('sales_projects.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('target_value', 'numeric', (c) => c.notNull())
    .addColumn('owner_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('actual_value', 'numeric')
    .addColumn('checked_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('milestones_status', sql`status in ('pending', 'met', 'missed')`)
    .execute();
  await db.schema.createIndex('milestones_project_idx').on('milestones').column('project_id').execute();

  await db.schema
    .createTable('kpi_reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('sales_projects.id').onDelete('cascade'))
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('value', 'numeric', (c) => c.notNull())
    .addColumn('reported_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reporter_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('kpi_reports_project_metric_idx')
    .on('kpi_reports')
    .columns(['project_id', 'metric', 'reported_at'])
    .execute();

  await db.schema
    .createTable('escalations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('sales_projects.id').onDelete('cascade'))
    .addColumn('milestone_id', 'uuid', (c) => c.notNull().references('milestones.id').onDelete('cascade'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('recipient_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('acknowledged_by', 'uuid', (c) => c.references('users.id'))
    // One escalation per milestone and level is what makes the escalate activity idempotent.
    .addUniqueConstraint('escalations_milestone_level_key', ['milestone_id', 'level'])
    .addCheckConstraint('escalations_level', sql`level >= 1`)
    .execute();
  await db.schema.createIndex('escalations_project_idx').on('escalations').column('project_id').execute();

  await db.schema
    .createTable('inbox_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('inbox_items_user_created_idx')
    .on('inbox_items')
    .columns(['user_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['inbox_items', 'escalations', 'kpi_reports', 'milestones', 'sales_projects', 'users']) {
    await db.schema.dropTable(table).execute();
  }
}
