import { sql, type Kysely } from 'kysely';

/** The tables this migration adds to the audit trail (test/api/audit.int.test.ts reads it beside the first list). */
export const auditedTables: Record<string, { idColumns: string[]; project?: string }> = {
  incentive_rules: { idColumns: ['project_id'], project: 'project_id' },
  incentive_payouts: { idColumns: ['id'], project: 'project_id' },
};

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A project's incentive rules (commission tiers, bonuses, recognitions: the shape of
  // workflows/domain/sales-plan/incentives.ts), the KPI metric they pay on, and the budget line
  // approved payouts are booked on. One set per project.
  await db.schema
    .createTable('incentive_rules')
    .addColumn('project_id', 'uuid', (c) => c.primaryKey().references('sales_projects.id').onDelete('cascade'))
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull().defaultTo('revenue'))
    .addColumn('budget_line_id', 'uuid', (c) => c.references('budget_lines.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create trigger audit_row after insert or update or delete on incentive_rules for each row execute function audit_row('project_id', 'project_id')`.execute(db);

  // A payout a member earned: the part of their earnings not yet raised when KPI reports (or a
  // settlement) found it. `subject` makes it once only (the same finding twice is one payout); the
  // bound incentive_earned flow decides it, and an approved one is booked on the budget line.
  await db.schema
    .createTable('incentive_payouts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('sales_projects.id').onDelete('cascade'))
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('amount', 'numeric', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('earned_total', 'numeric', (c) => c.notNull())
    .addColumn('earnings', 'jsonb', (c) => c.notNull())
    .addColumn('as_of', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('earned').check(sql`status in ('earned', 'approved', 'rejected')`))
    .addColumn('budget_line_id', 'uuid', (c) => c.references('budget_lines.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decided_at', 'timestamptz')
    .addUniqueConstraint('incentive_payouts_subject_once', ['project_id', 'subject'])
    .execute();
  await db.schema.createIndex('incentive_payouts_member_idx').on('incentive_payouts').columns(['project_id', 'member_id']).execute();
  await sql`create trigger audit_row after insert or update or delete on incentive_payouts for each row execute function audit_row('id', 'project_id')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incentive_payouts').execute();
  await db.schema.dropTable('incentive_rules').execute();
}
