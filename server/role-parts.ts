import type { Logger } from '../activities/runtime/logger';
import type { Config } from '../api/config';
import type { Db } from '../db/connect';
import type { Stops } from './stops';

/** What every role starts from: the settings, Temporal's address, the database pool and where to log and register its stop. */
export interface RoleParts {
  config: Config;
  /** Temporal's frontend: TEMPORAL_ADDRESS, or the dev server `all` started. */
  address: string;
  db: Db;
  /** The URL `db` connects with (the application's role), e.g. for the auth cache's LISTEN. */
  databaseUrl: string;
  decisionLinks: { secret: string; publicUrl: string };
  logger: Logger;
  stops: Stops;
  say: (line: string) => void;
}
