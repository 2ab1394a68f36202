import pg from 'pg';
import { GaveUpWaiting, withBackoff, type BackoffOptions } from '../activities/runtime/backoff';

export class DatabaseUnreachableError extends Error {
  override readonly name = 'DatabaseUnreachableError';
}

/** A SQLSTATE that waiting will not cure: anything but a connection failure or a server starting or stopping. */
function isPermanent(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return code !== undefined && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('08') && !code.startsWith('57P');
}

/** Where a connection string points, without its password. */
function hostOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

/** Resolves once PostgreSQL at `url` answers a query, trying again with growing pauses until the limit. */
export async function waitForDatabase(url: string, setting: string, wait: Pick<BackoffOptions, 'limitMs' | 'log'>): Promise<void> {
  try {
    await withBackoff(
      `PostgreSQL at ${hostOf(url)}`,
      async () => {
        const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
        client.on('error', () => {}); // a connection cut after the answer is not this probe's concern
        try {
          await client.connect();
          await client.query('select 1');
        } finally {
          await client.end().catch(() => {});
        }
      },
      { ...wait, isPermanent },
    );
  } catch (error) {
    if (!(error instanceof GaveUpWaiting)) throw error;
    throw new DatabaseUnreachableError(`Could not connect to PostgreSQL at ${hostOf(url)} (${setting}); ${error.message}. Check ${setting} and that the server accepts connections.`, { cause: error.cause });
  }
}
