// Only the `all` role loads this file (by a dynamic import): the embedded PostgreSQL and the
// Temporal dev server are development conveniences that production never needs installed.
import path from 'node:path';
import { findTemporalCli } from '../activities/runtime/temporal-cli';
import { startTemporalDevServer } from '../activities/runtime/temporal-dev-server';
import { startEmbeddedPostgres } from '../db/embedded-postgres';
import type { Config } from '../api/config';
import type { Stops } from './stops';

type Say = (part: string) => (line: string) => void;

/** The embedded PostgreSQL (unless DATABASE_URL): the owner's connection string. */
export async function startEmbeddedDatabase(config: Config, stops: Stops, log: Say): Promise<string> {
  const dataDir = path.join(config.dataDir, 'pg');
  const pg = await startEmbeddedPostgres({ dataDir, port: config.MILEPOST_PG_PORT, log: log('postgres') });
  stops.add('PostgreSQL', pg.stop);
  log('milepost')(`PostgreSQL (embedded) on 127.0.0.1:${config.MILEPOST_PG_PORT}, data in ${dataDir}`);
  return pg.url;
}

/** The Temporal dev server (unless TEMPORAL_ADDRESS): its address. */
export async function startEmbeddedTemporal(config: Config, stops: Stops, log: Say): Promise<string> {
  const say = log('milepost');
  const cliPath = await findTemporalCli({ explicitPath: config.TEMPORAL_CLI_PATH, log: say });
  const server = await startTemporalDevServer({
    cliPath,
    dbFilename: path.join(config.dataDir, 'temporal.db'),
    port: config.TEMPORAL_PORT,
    uiPort: config.TEMPORAL_UI_PORT,
    log: log('temporal'),
  });
  stops.add('Temporal dev server', server.stop);
  say(`Temporal dev server on ${server.address}; its web UI at ${server.uiUrl}`);
  return server.address;
}
