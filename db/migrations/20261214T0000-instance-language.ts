import { sql, type Kysely } from 'kysely';

/** The tables this migration adds to the audit trail (test/api/audit.int.test.ts reads it beside the first list). */
export const auditedTables: Record<string, { idColumns: string[] }> = {
  instance_settings: { idColumns: ['id'] },
};

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // What the whole instance is set to: one row. `language` is what Milepost writes in (inbox
  // messages, e-mails, decision pages) to people who chose no language of their own.
  await db.schema
    .createTable('instance_settings')
    .addColumn('id', 'boolean', (c) => c.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en').check(sql`language in ('en', 'zh-CN')`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into instance_settings default values`.execute(db);
  await sql`create trigger audit_row after insert or update or delete on instance_settings for each row execute function audit_row('id')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('instance_settings').execute();
}
