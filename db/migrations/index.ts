import type { Migration, MigrationProvider } from 'kysely';
import * as skeleton from './20261124T0000-skeleton';
import * as flows from './20261124T0100-flows';

/** A static list, so bundlers and tests never miss a migration (atproto's provider pattern). */
export const migrations: Record<string, Migration> = {
  '20261124T0000-skeleton': skeleton,
  '20261124T0100-flows': flows,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
