import { readdir } from 'node:fs/promises';
import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import type { Db } from '../../db/connect';
import { migrateToLatest, migrationProvider } from '../../db/migrate';
import { useOwnDatabases } from '../support/own-databases';

const databases = useOwnDatabases('migrate');
/** The migration files, by name: every one of them is found without a list to keep. */
const migrationNames = (await readdir(new URL('../../db/migrations', import.meta.url))).map((file) => file.replace(/\.ts$/, '')).sort();

it('applies every file of db/migrations to an empty database, in order, and a second run changes nothing', async () => {
  const db = await databases.create({ migrated: false });
  const first = await migrateToLatest(db);
  expect(first.results?.map((r) => [r.migrationName, r.status])).toEqual(migrationNames.map((m) => [m, 'Success']));
  const tables = await db.introspection.getTables();
  expect(tables.map((t) => t.name)).toEqual(
    expect.arrayContaining(['users', 'sales_projects', 'milestones', 'kpi_reports', 'escalations', 'inbox_items']),
  );
  const second = await migrateToLatest(db);
  expect(second.results).toEqual([]);
});

/** Every table with its columns, in order: what a migration's up and down must leave alike. */
const schemaOf = async (db: Db) => (await db.introspection.getTables()).map((t) => [t.name, t.columns.map((c) => `${c.name} ${c.dataType}`)]);

it('takes the newest migration back down and up again, leaving the schema as it was', async () => {
  const db = await databases.create({ migrated: false });
  await migrateToLatest(db);
  const latest = await schemaOf(db);
  const migrator = new Migrator({ db, provider: migrationProvider });
  const down = await migrator.migrateDown();
  expect(down.error).toBeUndefined();
  expect(down.results?.map((r) => [r.migrationName, r.direction, r.status])).toEqual([[migrationNames.at(-1), 'Down', 'Success']]);
  const up = await migrateToLatest(db);
  expect(up.results?.map((r) => r.status)).toEqual(['Success']);
  expect(await schemaOf(db)).toEqual(latest);
});

it('takes the audit trail back down and up again, its triggers and tables with it', async () => {
  const db = await databases.create({ migrated: false });
  await migrateToLatest(db);
  const migrator = new Migrator({ db, provider: migrationProvider });
  const before = migrationNames[migrationNames.indexOf('20261125T0000-sign-in-and-audit') - 1]!;
  const down = await migrator.migrateTo(before);
  expect(down.error).toBeUndefined();
  expect(down.results?.map((r) => r.status).every((status) => status === 'Success')).toBe(true);
  expect((await db.introspection.getTables()).map((t) => t.name)).not.toContain('audit_events');
  const up = await migrateToLatest(db);
  expect(up.results?.map((r) => r.status).every((status) => status === 'Success')).toBe(true);
  expect((await db.introspection.getTables()).map((t) => t.name)).toContain('audit_events');
});

it('migrates an empty database once when three api replicas start together, each waiting for the one that holds the lock', async () => {
  const db = await databases.create({ migrated: false });
  const files = (await readdir(new URL('../../db/migrations/', import.meta.url))).filter((f) => /\.[jt]s$/.test(f));
  const results = await Promise.all([migrateToLatest(db), migrateToLatest(db), migrateToLatest(db)]);
  // Every migration ran exactly once, by whichever replica got there first.
  expect(results.flatMap((r) => r.results?.map((m) => m.migrationName) ?? []).sort()).toEqual(files.map((f) => f.slice(0, -3)).sort());
  const applied = await db.selectFrom('kysely_migration' as never).select('name' as never).execute();
  expect(applied).toHaveLength(files.length);
});
