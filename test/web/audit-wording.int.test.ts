import { sql } from 'kysely';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { AuditEvent } from '../../api/contract/audit';
import { createDb } from '../../db/connect';
import { formatValue, historyLine, type HistoryWording } from '../../designer/src/audit/audit-summary';
import { i18next } from '../../designer/src/i18n/i18n';
import { triggerEvents } from '../../workflows/flow/trigger-events';

/**
 * The history and the audit trail word every row the audit trigger records. A table, column or
 * stored code the catalogs do not name falls back to its own (English, snake_case) name, which a
 * reader of the Chinese page should never see: this reads what the database audits and holds the
 * Chinese wording to all of it.
 */
const db = createDb(inject('databaseUrl'), { max: 1 });
afterAll(() => db.destroy());

const person = '7f3e2c1a-0000-4000-8000-000000000001';
const otherThing = '7f3e2c1a-0000-4000-8000-0000000000aa';
const wording: HistoryWording = { formatInstant: (iso) => iso, personName: (id) => (id === person ? '张伟' : null) };

/** A fallback name is the table's or code's own: a word in lower-case Latin letters (a brand, "Slack", or "API" are words of their own). */
const untranslated = /\b[a-z]/;
/** A column's fallback name: "Starts at" (starts_at), "Year". */
const ownName = (column: string) => {
  const spaced = column.replace(/_id$/, '').replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

async function auditedColumns() {
  const { rows } = await sql<{ tableName: string; columnName: string; dataType: string; referencesUsers: boolean }>`
    select c.table_name, c.column_name, c.data_type,
      exists (
        select 1 from information_schema.key_column_usage k
        join information_schema.constraint_column_usage u on u.constraint_name = k.constraint_name and u.table_schema = k.table_schema
        join information_schema.table_constraints tc on tc.constraint_name = k.constraint_name and tc.table_schema = k.table_schema
        where tc.constraint_type = 'FOREIGN KEY' and k.table_schema = c.table_schema and k.table_name = c.table_name
          and k.column_name = c.column_name and u.table_name = 'users'
      ) as references_users
    from information_schema.columns c
    where c.table_schema = 'public'
      and c.table_name in (select cl.relname from pg_trigger t join pg_class cl on cl.oid = t.tgrelid where t.tgname = 'audit_row')
    order by c.table_name, c.ordinal_position`.execute(db);
  return rows;
}

/** The codes a column may hold, from its `col in ('a', 'b')` check (PostgreSQL: `= ANY (ARRAY['a'::text, …])`). */
async function auditedCodes() {
  const { rows } = await sql<{ tableName: string; definition: string }>`
    select cl.relname as table_name, pg_get_constraintdef(co.oid) as definition
    from pg_constraint co join pg_class cl on cl.oid = co.conrelid
    where co.contype = 'c'
      and cl.relname in (select cl2.relname from pg_trigger t join pg_class cl2 on cl2.oid = t.tgrelid where t.tgname = 'audit_row')`.execute(db);
  return rows.flatMap(({ tableName, definition }) =>
    definition.includes('ANY (ARRAY[') ? [...definition.matchAll(/'([^']+)'::text/g)].map((match) => ({ tableName, code: match[1]! })) : [],
  );
}

/** A column that names a person: a reference to users, or one named for who did something (decided_by, set_by). */
const holdsPerson = (column: { columnName: string; referencesUsers: boolean }) => column.referencesUsers || column.columnName.endsWith('_by');

/** A row of `table` as the trigger records it: people's columns hold a person, other ids an id, the rest a text. */
function addition(table: string, columns: Awaited<ReturnType<typeof auditedColumns>>): AuditEvent {
  const after = Object.fromEntries(
    columns
      .filter((column) => column.tableName === table)
      .map((column) => [column.columnName, column.dataType === 'uuid' ? (holdsPerson(column) ? person : otherThing) : `值：${column.columnName}`]),
  );
  return { id: 1, at: '2027-03-01T09:00:00Z', actor: { kind: 'user', userId: person, name: '张伟', detail: null }, action: 'insert', entity: table, entityId: 'x', projectId: null, before: null, after };
}

describe('the history and the audit trail in Chinese', () => {
  it('name every audited table, every column they show and every stored code in Chinese, never by its own name', async () => {
    const columns = await auditedColumns();
    const codes = await auditedCodes();
    const tables = [...new Set(columns.map((column) => column.tableName))];
    expect(tables.length).toBeGreaterThan(20);
    await i18next.changeLanguage('zh-CN');
    try {
      const unnamed: string[] = [];
      for (const table of tables) {
        const line = historyLine(addition(table, columns), wording, Number.POSITIVE_INFINITY);
        if (untranslated.test(line.what.replace(/“.*”/, ''))) unnamed.push(`${table}: ${line.what}`);
        for (const change of line.changes) {
          if (untranslated.test(change.field) || columns.some((column) => column.tableName === table && ownName(column.columnName) === change.field)) unnamed.push(`${table}: ${change.field}`);
        }
      }
      // Codes kept without a check: the events a flow starts on, and yes or no.
      for (const code of [...triggerEvents, true, false]) {
        if (untranslated.test(formatValue(code, wording))) unnamed.push(`the value ${String(code)}`);
      }
      for (const { tableName, code } of codes) {
        if (untranslated.test(formatValue(code, wording))) unnamed.push(`${tableName}: the code ${code}`);
      }
      expect(unnamed).toEqual([]);
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
