import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { migrationProvider } from './migrations';

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
