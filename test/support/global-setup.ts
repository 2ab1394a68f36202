import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ProvidedContext } from 'vitest';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../activities/runtime/free-port';
import { findTemporalCli } from '../../activities/runtime/temporal-cli';
import { startTemporalDevServer } from '../../activities/runtime/temporal-dev-server';
import { bundleWorkflows } from '../../activities/runtime/worker';
import { createApiToken } from '../../db/queries/auth';
import { insertUser } from '../../db/queries/users';
import { startEmbeddedPostgres } from '../../db/embedded-postgres';
import { openDatabase } from '../../db/open-database';
import { seedDefaultFlows } from '../../db/seed-default-flows';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The application's connection string: a role that reads and writes rows and owns nothing. */
    databaseUrl: string;
    /** The same database as the role that owns the schema and ran the migrations. */
    ownerDatabaseUrl: string;
    /** Connection string of the same server's maintenance database, for tests that create databases. */
    adminDatabaseUrl: string;
    temporalAddress: string;
    workflowBundleCode: string;
    /** An API token of the suite's admin, who is created here. */
    adminToken: string;
    adminUserId: string;
  }
}

interface SuiteParts {
  provided: ProvidedContext;
  stop(): Promise<void>;
}

/** The parts are started by whichever integration project sets up first; the others share them. */
const shared = Symbol.for('milepost.test.suiteParts');
type Shared = { parts: Promise<SuiteParts>; users: number };

async function startSuiteParts(): Promise<SuiteParts> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'milepost-test-'));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as the `postgres` user and must enter it
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), database: 'milepost_test' });
  // As `npm start` does: migrated by the owner, used through a role that owns nothing.
  const { db, url: databaseUrl } = await openDatabase({ ownerUrl: pg.url });
  await seedDefaultFlows(db);
  const admin = await insertUser(db, { name: 'Suite Admin', email: 'suite-admin@milepost.test', role: 'admin' });
  const { token: adminToken } = await createApiToken(db, { userId: admin.id, name: 'integration suite', role: 'admin' });
  await db.destroy();

  const cliPath = await findTemporalCli({ explicitPath: process.env.TEMPORAL_CLI_PATH, buildIfMissing: false });
  const temporal = await startTemporalDevServer({ cliPath, headless: true });
  const bundle = await bundleWorkflows();
  return {
    provided: {
      databaseUrl,
      ownerDatabaseUrl: pg.url,
      adminDatabaseUrl: pg.url.replace(/\/milepost_test$/, '/postgres'),
      temporalAddress: temporal.address,
      workflowBundleCode: bundle.code,
      adminToken,
      adminUserId: admin.id,
    },
    async stop() {
      await temporal.stop();
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the real parts once for the integration suite, exactly as `npm start` does, but on
 * free ports, in a throwaway directory and without the Temporal UI; tears them down after the
 * last project that uses them is done.
 */
export default async function setup(project: TestProject) {
  const suite = globalThis as { [shared]?: Shared };
  const state = (suite[shared] ??= { parts: startSuiteParts(), users: 0 });
  state.users += 1;
  const parts = await state.parts;
  for (const [key, value] of Object.entries(parts.provided)) project.provide(key as keyof ProvidedContext, value);

  return async () => {
    state.users -= 1;
    if (state.users === 0) {
      delete suite[shared];
      await parts.stop();
    }
  };
}
