import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';
import { migrations } from '../../db/migrations';

it('applies every migration to an empty database, and a second run changes nothing', async () => {
  const name = `migrate_${randomUUID().replaceAll('-', '')}`;
  const admin = createDb(inject('adminDatabaseUrl'), { max: 1 });
  await sql.raw(`create database ${name}`).execute(admin);
  const db = createDb(inject('adminDatabaseUrl').replace(/\/postgres$/, `/${name}`));
  try {
    const first = await migrateToLatest(db);
    expect(first.results?.map((r) => [r.migrationName, r.status])).toEqual(Object.keys(migrations).map((m) => [m, 'Success']));
    const tables = await db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['users', 'sales_projects', 'milestones', 'kpi_reports', 'escalations', 'inbox_items']),
    );
    const second = await migrateToLatest(db);
    expect(second.results).toEqual([]);
  } finally {
    await db.destroy();
    await sql.raw(`drop database ${name}`).execute(admin);
    await admin.destroy();
  }
});
