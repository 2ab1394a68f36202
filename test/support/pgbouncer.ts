import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../activities/runtime/free-port';

/** Debian's pgbouncer (`apt-get install pgbouncer`; .ci/run installs it); undefined when absent. */
export const pgbouncerBinary = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((file) => existsSync(file));

export interface RunningPgbouncer {
  /** `url` with host and port replaced by the pooler's, for database alias `alias`. */
  urlFor(alias: string): string;
  stop(): Promise<void>;
}

/**
 * PgBouncer in transaction mode in front of the PostgreSQL of `url` (whose user and password it
 * uses): each alias is the same database with a pool of at most `poolSize` server connections,
 * so every transaction of every client shares those few, as in production behind a pooler.
 */
export async function startPgbouncer(url: string, aliases: Record<string, { poolSize: number }>): Promise<RunningPgbouncer> {
  if (!pgbouncerBinary) throw new Error('pgbouncer is not installed (apt-get install pgbouncer)');
  const target = new URL(url);
  const database = target.pathname.slice(1);
  const user = decodeURIComponent(target.username);
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'milepost-pgbouncer-'));
  await chmod(dir, 0o755); // as root, pgbouncer runs as `postgres` and must read its files
  const ini = [
    '[databases]',
    ...Object.entries(aliases).map(([alias, { poolSize }]) => `${alias} = host=${target.hostname} port=${target.port} dbname=${database} pool_size=${poolSize}`),
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'auth_type = scram-sha-256',
    `auth_file = ${path.join(dir, 'users.txt')}`,
    'pool_mode = transaction',
    'max_client_conn = 200',
    'ignore_startup_parameters = extra_float_digits,options',
  ].join('\n');
  await writeFile(path.join(dir, 'pgbouncer.ini'), `${ini}\n`, { mode: 0o644 });
  await writeFile(path.join(dir, 'users.txt'), `"${user}" "${decodeURIComponent(target.password)}"\n`, { mode: 0o644 });

  // pgbouncer refuses to run as root; `-u` drops to an unprivileged user.
  const asUser = process.getuid?.() === 0 ? ['-u', 'postgres'] : [];
  const child = spawn(pgbouncerBinary, [...asUser, path.join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
      throw new Error(`pgbouncer did not start listening on ${port}: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    urlFor(alias) {
      const pooled = new URL(url);
      pooled.hostname = '127.0.0.1';
      pooled.port = String(port);
      pooled.pathname = `/${alias}`;
      return pooled.toString();
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
