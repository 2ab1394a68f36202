import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

// numeric stays a string (exact); bigint counts (OID 20) are safe as numbers at our sizes.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

export type Db = Kysely<Database>;

export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle client losing its server (restart, shutdown) must not crash the process; the pool
  // drops that client and the next query opens a fresh connection.
  pool.on('error', (error) => console.warn(`[db] idle connection lost: ${error.message}`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
