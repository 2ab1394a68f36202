import { randomBytes } from 'node:crypto';
import { asRole, grantAppRole } from './app-role';
import { createDb, type Db } from './connect';
import { migrateToLatest } from './migrate';

/** The role the embedded setup makes for the application. */
export const embeddedAppRole = 'milepost_app';

export interface OpenedDatabase {
  /** The application's pool, connected as a role that owns nothing. */
  db: Db;
  /** The connection string of that pool. */
  url: string;
  /** Migrations applied just now, by name. */
  migrated: string[];
  /** Set when the application connects as the owner of the schema, with what that means. */
  warning?: string;
}

/**
 * Brings the schema up to date as its owner, then opens the pool the application works with as a
 * role that may read and write rows but own nothing, so that it cannot switch the audit trail off.
 * - Embedded (`appUrl` absent): the owner is the cluster's superuser; the application's role is
 *   made here, with a new password each start.
 * - A server of your own: `ownerUrl` (MIGRATION_DATABASE_URL) runs migrations and grants the role
 *   of `appUrl` (DATABASE_URL) its rights; without an owner URL, DATABASE_URL does both and owns
 *   the triggers — allowed, with a warning.
 */
export async function openDatabase({ ownerUrl, appUrl, poolSize }: { ownerUrl: string; appUrl?: string; poolSize?: number }): Promise<OpenedDatabase> {
  const owner = createDb(ownerUrl, { max: 2 });
  try {
    const migrated = (await migrateToLatest(owner)).results?.map((r) => r.migrationName) ?? [];
    if (appUrl === undefined) {
      const password = randomBytes(24).toString('base64url');
      await grantAppRole(owner, { role: embeddedAppRole, password });
      const url = asRole(ownerUrl, embeddedAppRole, password);
      return { db: createDb(url, { max: poolSize }), url, migrated };
    }
    if (appUrl === ownerUrl) {
      const warning = 'DATABASE_URL also runs the migrations, so the application owns the audit trail and could switch it off; set MIGRATION_DATABASE_URL to the owner role.';
      return { db: createDb(appUrl, { max: poolSize }), url: appUrl, migrated, warning };
    }
    await grantAppRole(owner, { role: decodeURIComponent(new URL(appUrl).username) });
    return { db: createDb(appUrl, { max: poolSize }), url: appUrl, migrated };
  } finally {
    await owner.destroy();
  }
}
