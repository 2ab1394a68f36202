// A throwaway Milepost API + web page for the designer benchmark and for looking at the page by
// hand: embedded PostgreSQL in a temporary folder, migrated and seeded, served on a free port,
// with an admin who can sign in.
// No Temporal server: the flow endpoints never reach it, and the client connects lazily.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Client } from '@temporalio/client';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { freePort } from '../../activities/runtime/free-port';
import { createApp } from '../../api/app';
import { createOrPromoteAdmin } from '../../api/auth/first-admin';
import type { Db } from '../../db/connect';
import { createApiToken } from '../../db/queries/auth';
import { seedDefaultFlows } from '../../db/seed-default-flows';
import { startBenchDatabase } from './bench-database';

export const designerDist = fileURLToPath(new URL('../../designer/dist', import.meta.url));

export interface DesignerHarness {
  readonly url: string;
  readonly db: Db;
  /** Headers that make an API call as the harness's admin. */
  readonly apiHeaders: Record<string, string>;
  /** A browser context signed in as the harness's admin (through the sign-in endpoint). */
  signedInContext(browser: Browser, options?: BrowserContextOptions): Promise<BrowserContext>;
  stop(): Promise<void>;
}

const admin = { email: 'admin@bench.test', password: `bench-${randomUUID()}` };

export async function startDesignerHarness(): Promise<DesignerHarness> {
  const database = await startBenchDatabase();
  const { db } = database;
  await seedDefaultFlows(db);
  const { user } = await createOrPromoteAdmin(db, { email: admin.email, name: 'Bench Admin', password: admin.password });
  const { token } = await createApiToken(db, { userId: user.id, name: 'bench', role: 'admin' });
  const app = createApp({ db, temporal: { client: new Client(), taskQueue: 'designer-harness' }, designerDir: designerDist });
  const port = await freePort();
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    db,
    apiHeaders: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    async signedInContext(browser, options) {
      const context = await browser.newContext(options);
      const signedIn = await context.request.post(`${url}/api/auth/login`, { data: admin });
      if (!signedIn.ok()) throw new Error(`Signing the bench admin in failed: ${signedIn.status()} ${await signedIn.text()}`);
      return context;
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.stop();
    },
  };
}

// `npx tsx test/bench/designer-harness.ts`: keep one running to look at the page by hand.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const harness = await startDesignerHarness();
  console.log(`Designer at ${harness.url}/flows (Ctrl-C stops it); sign in as ${admin.email} with ${admin.password}`);
  process.once('SIGINT', () => void harness.stop().then(() => process.exit(0)));
  process.once('SIGTERM', () => void harness.stop().then(() => process.exit(0)));
}
