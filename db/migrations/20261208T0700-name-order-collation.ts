import { sql, type Kysely } from 'kysely';

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // How lists of names are sorted (db/queries/name-order.ts): Chinese names by pinyin (李娜, 王芳,
  // 张伟, 赵敏), Latin names alphabetically regardless of case — ICU's Chinese collation, the one
  // the web app's Intl.Collator('zh-CN') uses too. A PostgreSQL built without ICU falls back to
  // byte order, so the queries still run there.
  await sql`
    do $$
    begin
      if exists (select 1 from pg_collation where collprovider = 'i') then
        create collation if not exists name_order (provider = icu, locale = 'zh-u-co-pinyin');
      else
        create collation if not exists name_order from "C";
      end if;
    end
    $$
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop collation if exists name_order`.execute(db);
}
