import { readdir } from 'node:fs/promises';
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';

const folder = new URL('./migrations/', import.meta.url);

/**
 * Every file in db/migrations is a migration, applied in the order of its name (a timestamp first):
 * a new migration is one new file, with no list to keep in step. (kysely's FileMigrationProvider
 * does the same, but its `import()` runs inside node_modules, where neither tsx nor vitest's
 * module runner loads TypeScript; here the import is ours, so both do.)
 */
export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    const files = (await readdir(folder)).sort();
    const misnamed = files.find((file) => !/^\d{8}T\d{4}-[\w-]+\.[jt]s$/.test(file));
    if (misnamed) throw new Error(`db/migrations/${misnamed} is not named <yyyymmdd>T<hhmm>-<what-it-does>.ts, so its place in the order is unknown`);
    const modules = await Promise.all(files.map(async (file) => [file.slice(0, -3), (await import(new URL(file, folder).href)) as Migration] as const));
    return Object.fromEntries(modules);
  },
};

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly migrationName: string | undefined,
    override readonly cause: unknown,
  ) {
    super(`Database migration ${migrationName ?? '(unknown)'} failed: ${String(cause)}`);
  }
}

/** Brings the schema to the newest migration; running it again changes nothing. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new MigrationError(failed?.migrationName, result.error);
  }
  return result;
}
