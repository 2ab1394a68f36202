// `npm run create-admin -- --email ann@example.com [--name "Ann Admin"]`: makes that person an
// active admin with a password from MILEPOST_ADMIN_PASSWORD or stdin (one line). Uses DATABASE_URL,
// else the embedded PostgreSQL in the data directory `npm start` uses, which must not be running.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createDb } from '../db/connect';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../db/embedded-postgres';
import { migrateToLatest } from '../db/migrate';
import { createOrPromoteAdmin, parseAdminInput } from './auth/first-admin';
import { loadConfig } from './config';
import { runCommand } from './run-command';

const usage = `Usage: npm run create-admin -- --email <e-mail> [--name "<name>"]
The password comes from MILEPOST_ADMIN_PASSWORD, else from stdin (one line; at least 10 characters).
Someone with that e-mail already becomes an active admin with the new password.`;

/** One line from stdin; typed at a terminal, it is not echoed. */
async function readPassword(): Promise<string> {
  const interactive = process.stdin.isTTY;
  if (interactive) process.stderr.write('Password (at least 10 characters, not shown): ');
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: process.stdin, output: interactive ? silent : undefined, terminal: interactive });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
    if (interactive) process.stderr.write('\n');
  }
}

/** Whether PostgreSQL is running on this data directory (its postmaster.pid names a live process). */
function clusterRunning(pgDir: string): boolean {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's (PostgreSQL runs as `postgres` when started by root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (!values.email) {
    console.error(`--email is required.\n${usage}`);
    return 2;
  }
  const password = process.env.MILEPOST_ADMIN_PASSWORD || (await readPassword());
  const input = parseAdminInput({ email: values.email, name: values.name, password });

  const config = loadConfig();
  let databaseUrl = config.DATABASE_URL;
  let pg: EmbeddedPostgresHandle | undefined;
  if (!databaseUrl) {
    const pgDir = path.join(config.dataDir, 'pg');
    if (clusterRunning(pgDir)) {
      console.error(
        `The database in ${pgDir} is in use: Milepost is running. Either stop it (Ctrl-C) and run this again, ` +
          'or restart it with MILEPOST_ADMIN_EMAIL and MILEPOST_ADMIN_PASSWORD set (used when there is no active admin).',
      );
      return 1;
    }
    pg = await startEmbeddedPostgres({ dataDir: pgDir, port: config.MILEPOST_PG_PORT });
    databaseUrl = pg.url;
  }
  const db = createDb(databaseUrl, { max: 2 });
  try {
    await migrateToLatest(db);
    const { action, user } = await createOrPromoteAdmin(db, input);
    const what = { created: 'Created admin', promoted: 'Made admin', updated: 'Reset the password of admin' }[action];
    console.log(`${what} ${user.name} <${user.email}>. Sign in at /, then create API tokens under your account.`);
    return 0;
  } finally {
    await db.destroy();
    await pg?.stop();
  }
}

runCommand(main);
