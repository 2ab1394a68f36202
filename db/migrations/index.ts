import type { Migration, MigrationProvider } from 'kysely';
import * as skeleton from './20261124T0000-skeleton';

/** A static list, so bundlers and tests never miss a migration (atproto's provider pattern). */
export const migrations: Record<string, Migration> = {
  '20261124T0000-skeleton': skeleton,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
