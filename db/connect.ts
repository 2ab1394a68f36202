import { CamelCasePlugin, Kysely } from 'kysely';
import pg from 'pg';
import { auditedDialect } from './audited-transaction';
import type { Database } from './schema';

// numeric stays a string (exact); bigint counts (OID 20) are safe as numbers at our sizes.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

export type Db = Kysely<Database>;

/**
 * How long getting a connection may take (opening one, or waiting for a free one in a busy pool)
 * before the query fails, so a request answers 503 instead of hanging while the server is away.
 */
export const connectTimeoutMs = 10_000;

export function createDb(connectionString: string, options: { max?: number; connectTimeoutMs?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: options.connectTimeoutMs ?? connectTimeoutMs });
  // An idle client losing its server (restart, shutdown) must not crash the process; the pool
  // drops that client and the next query opens a fresh connection.
  pool.on('error', (error) => console.warn(`[db] idle connection lost: ${error.message}`));
  // A connection lost while checked out fails its query (and the request answers 503), but pg also
  // emits 'error' on the client, which nobody listens to then: without this it would crash the
  // process. The pool drops such a client when it is released.
  pool.on('connect', (client) => client.on('error', () => {}));
  // Columns are snake_case in PostgreSQL and camelCase in TypeScript, like the API's JSON; nested
  // JSON (jsonb documents, audit snapshots) keeps its own keys.
  return new Kysely<Database>({
    // Each writing transaction tells PostgreSQL who is writing (db/audited-transaction.ts).
    dialect: auditedDialect(pool),
    plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
  });
}
