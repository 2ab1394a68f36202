import { sql, type Kysely } from 'kysely';

/** The tables this migration adds to the audit trail (test/api/audit.int.test.ts reads it beside the first list). */
export const auditedTables: Record<string, { idColumns: string[]; project?: string }> = {
  goal_allocation_plans: { idColumns: ['goal_id'], project: 'project_id' },
  goal_allocations: { idColumns: ['id'], project: 'project_id' },
};

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // How a goal's allocations are cut over time: the same options as the project's own
  // decomposition (quarters or months, optional weights), so every holder's months add up to
  // the project's months. One per allocated goal.
  await db.schema
    .createTable('goal_allocation_plans')
    .addColumn('goal_id', 'uuid', (c) => c.primaryKey().references('goals.id').onDelete('cascade'))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('sales_projects.id').onDelete('cascade'))
    .addColumn('granularity', 'text', (c) => c.notNull())
    .addColumn('period_weights', 'jsonb')
    .addColumn('scale', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('time_zone', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('goal_allocation_plans_granularity', sql`granularity in ('quarter', 'month')`)
    .addCheckConstraint('goal_allocation_plans_scale', sql`scale >= 0`)
    .execute();
  await db.schema.createIndex('goal_allocation_plans_project_idx').on('goal_allocation_plans').column('project_id').execute();
  await sql`create trigger audit_row after insert or update or delete on goal_allocation_plans for each row execute function audit_row('goal_id', 'project_id')`.execute(db);

  // A member's or a team's part of a goal's target: a weight or an amount (never both; one set
  // never mixes them). What the part comes to is computed from the goal's target when read, so a
  // changed target moves every weighted part with it.
  await db.schema
    .createTable('goal_allocations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('sales_projects.id').onDelete('cascade'))
    .addColumn('goal_id', 'uuid', (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('team_id', 'uuid', (c) => c.references('teams.id').onDelete('cascade'))
    .addColumn('weight', 'numeric')
    .addColumn('amount', 'numeric')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('goal_allocations_one_holder', sql`(user_id is null) <> (team_id is null)`)
    .addCheckConstraint('goal_allocations_weight_or_amount', sql`(weight is null) <> (amount is null)`)
    .addCheckConstraint('goal_allocations_not_negative', sql`coalesce(weight, amount) >= 0`)
    .execute();
  await db.schema.createIndex('goal_allocations_project_idx').on('goal_allocations').column('project_id').execute();
  await sql`create unique index goal_allocations_user_once on goal_allocations (goal_id, user_id) where user_id is not null`.execute(db);
  await sql`create unique index goal_allocations_team_once on goal_allocations (goal_id, team_id) where team_id is not null`.execute(db);
  await sql`create trigger audit_row after insert or update or delete on goal_allocations for each row execute function audit_row('id', 'project_id')`.execute(db);

  // A member's own milestone: only the KPI figures reported as theirs count towards it, and
  // its owner (the member) is whom a miss escalates above.
  await db.schema
    .alterTable('milestones')
    .addColumn('member_id', 'uuid', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('milestones_member_idx').on('milestones').column('member_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('milestones').dropColumn('member_id').execute();
  await db.schema.dropTable('goal_allocations').execute();
  await db.schema.dropTable('goal_allocation_plans').execute();
}
