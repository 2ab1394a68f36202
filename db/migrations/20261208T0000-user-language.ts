import { sql, type Kysely } from 'kysely';

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The language a person reads Milepost in (workflows/i18n/languages.ts); null = their browser's
  // for the web app, English for what is sent to them.
  await db.schema
    .alterTable('users')
    .addColumn('language', 'text', (c) => c.check(sql`language in ('en', 'zh-CN')`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('language').execute();
}
