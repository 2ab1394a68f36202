import { sql, type Kysely } from 'kysely';

/** The tables this migration adds to the audit trail (test/api/audit.int.test.ts reads it beside the first list). */
export const auditedTables: Record<string, { idColumns: string[] }> = {
  absences: { idColumns: ['user_id'] },
};

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A person's absence: requests that would reach them from `starts_at` until `ends_at` go to
  // the deputy instead. One per person (a new one replaces it); `set_by` is them or a manager above.
  await db.schema
    .createTable('absences')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('deputy_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('set_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('absences_ends_after_start', sql`ends_at > starts_at`)
    .addCheckConstraint('absences_deputy_not_self', sql`deputy_id <> user_id`)
    .execute();
  await sql`create trigger audit_row after insert or update or delete on absences for each row execute function audit_row('user_id')`.execute(db);

  // A request assigned to a deputy remembers whom it stands for, and why (said when it was assigned,
  // since the absence may change or end later).
  await db.schema
    .alterTable('approval_requests')
    .addColumn('on_behalf_of_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('assignment_note', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('approval_requests').dropColumn('on_behalf_of_id').dropColumn('assignment_note').execute();
  await db.schema.dropTable('absences').execute();
}
