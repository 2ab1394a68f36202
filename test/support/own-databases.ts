import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, inject } from 'vitest';
import { createDb, type Db } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';

/**
 * Databases of a test file's own on the suite's server, for tests about a database in a state the
 * shared one cannot be in (empty, or without an admin). All are dropped after the file.
 */
export function useOwnDatabases(prefix: string) {
  const made: string[] = [];
  const open: Db[] = [];
  let template: string | undefined;
  const server = () => createDb(inject('adminDatabaseUrl'), { max: 1 });
  const urlOf = (name: string) => inject('adminDatabaseUrl').replace(/\/postgres$/, `/${name}`);

  async function createDatabase(from?: string): Promise<string> {
    const name = `${prefix}_${randomUUID().replaceAll('-', '')}`;
    const admin = server();
    try {
      await sql.raw(`create database ${name}${from ? ` template ${from}` : ''}`).execute(admin);
    } finally {
      await admin.destroy();
    }
    made.push(name);
    return name;
  }

  afterAll(async () => {
    await Promise.all(open.splice(0).map((db) => db.destroy()));
    const admin = server();
    for (const name of made.splice(0).reverse()) await sql.raw(`drop database if exists ${name}`).execute(admin);
    await admin.destroy();
  });

  return {
    /**
     * A new database: migrated (copied from a template migrated once per file, which is fast),
     * or with `migrated: false` empty.
     */
    async create({ migrated = true }: { migrated?: boolean } = {}): Promise<Db> {
      if (migrated && template === undefined) {
        template = await createDatabase();
        const db = createDb(urlOf(template), { max: 1 });
        await migrateToLatest(db);
        await db.destroy();
      }
      const db = createDb(urlOf(await createDatabase(migrated ? template : undefined)), { max: 3 });
      open.push(db);
      return db;
    },
  };
}
