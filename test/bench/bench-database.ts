import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../activities/runtime/free-port';
import { createDb, type Db } from '../../db/connect';
import { startEmbeddedPostgres } from '../../db/embedded-postgres';
import { migrateToLatest } from '../../db/migrate';

export interface BenchDatabase {
  readonly db: Db;
  /** The connection string of `db` (e.g. for a LISTEN connection of one's own). */
  readonly url: string;
  stop(): Promise<void>;
}

/** A migrated embedded PostgreSQL of the benchmark's own, in a temporary folder that `stop` removes. */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'milepost-bench-'));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as the `postgres` user and must enter it
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), database: 'bench' });
  const db = createDb(pg.url);
  await migrateToLatest(db);
  return {
    db,
    url: pg.url,
    async stop() {
      await db.destroy();
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
