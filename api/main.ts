// `npm start`: the composition root. Starts PostgreSQL (embedded unless DATABASE_URL), Temporal
// (dev server unless TEMPORAL_ADDRESS), the worker and the HTTP server, and stops them on Ctrl-C.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { findTemporalCli } from '../activities/runtime/temporal-cli';
import { smtpMailer } from '../activities/flow/mailer';
import { startTemporalDevServer } from '../activities/runtime/temporal-dev-server';
import { configureTemporalRuntime, startWorker } from '../activities/runtime/worker';
import { startEmbeddedPostgres } from '../db/embedded-postgres';
import { openDatabase } from '../db/open-database';
import { seedDefaultFlows } from '../db/seed-default-flows';
import { ensureAdmin } from './auth/start-admin';
import { TASK_QUEUE } from '../workflows/task-queue';
import { createApp } from './app';
import { requestIdMemo } from './request-id-memo';
import { reconcileFlowSchedules } from './flow-schedules';
import { loadConfig } from './config';
import { createLogger, type Logger } from '../activities/runtime/logger';
import { resolveLinkSecret } from './decision-links/secret';

// Until the configuration is read, a start failure still comes out as JSON.
let logger: Logger = createLogger();
const log = (part: string) => (line: string) => logger.info({ part }, line);
const stops: { name: string; stop: () => Promise<unknown> }[] = [];

async function main() {
  const config = loadConfig();
  logger = createLogger({ level: config.LOG_LEVEL });
  const say = log('milepost');
  const linkSecret = await resolveLinkSecret({ envSecret: config.MILEPOST_SECRET, dataDir: config.dataDir, embeddedDatabase: !config.DATABASE_URL });
  say(`decision links signed with ${linkSecret.source === 'MILEPOST_SECRET' ? 'MILEPOST_SECRET' : `the secret kept in ${linkSecret.file}`}; they point to ${config.publicUrl}`);
  const decisionLinks = { secret: linkSecret.secret, publicUrl: config.publicUrl };

  let ownerUrl = config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL;
  if (!ownerUrl) {
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(config.dataDir, 'pg'),
      port: config.MILEPOST_PG_PORT,
      log: log('postgres'),
    });
    stops.push({ name: 'PostgreSQL', stop: pg.stop });
    ownerUrl = pg.url;
    say(`PostgreSQL (embedded) on 127.0.0.1:${config.MILEPOST_PG_PORT}, data in ${path.join(config.dataDir, 'pg')}`);
  } else {
    say(`PostgreSQL from DATABASE_URL${config.MIGRATION_DATABASE_URL ? ', migrated by MIGRATION_DATABASE_URL' : ''}`);
  }
  const { db, migrated, warning } = await openDatabase({ ownerUrl, appUrl: config.DATABASE_URL });
  stops.push({ name: 'database pool', stop: () => db.destroy() });
  say(`migrations: ${migrated.length > 0 ? migrated.join(', ') : 'up to date'}`);
  if (warning) say(`warning: ${warning}`);
  await seedDefaultFlows(db);
  await ensureAdmin(db, { embedded: !config.DATABASE_URL, say });

  let address = config.TEMPORAL_ADDRESS;
  if (!address) {
    const cliPath = await findTemporalCli({ explicitPath: config.TEMPORAL_CLI_PATH, log: say });
    const server = await startTemporalDevServer({
      cliPath,
      dbFilename: path.join(config.dataDir, 'temporal.db'),
      port: config.TEMPORAL_PORT,
      uiPort: config.TEMPORAL_UI_PORT,
      log: log('temporal'),
    });
    stops.push({ name: 'Temporal dev server', stop: server.stop });
    address = server.address;
    say(`Temporal dev server on ${address}; its web UI at ${server.uiUrl}`);
  } else {
    say(`Temporal cluster at ${address}, namespace ${config.TEMPORAL_NAMESPACE}`);
  }

  configureTemporalRuntime('WARN', { log: logger.child({ part: 'worker' }), metricsAddress: config.WORKER_METRICS_ADDRESS });
  if (config.WORKER_METRICS_ADDRESS) say(`worker metrics for Prometheus on http://${config.WORKER_METRICS_ADDRESS}/metrics (WORKER_METRICS_ADDRESS)`);
  const mailer = config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM) : undefined;
  const worker = await startWorker({ address, namespace: config.TEMPORAL_NAMESPACE, db, mailer, decisionLinks, webhookAllow: config.MILEPOST_WEBHOOK_ALLOW, sizing: config.workerSizing });
  stops.push({ name: 'worker', stop: worker.stop });
  const sizing = config.workerSizing;
  say(
    `worker polling task queue "${TASK_QUEUE}": ${sizing.maxCachedWorkflows} cached workflows, ${sizing.maxConcurrentWorkflowTaskExecutions} workflow tasks and ${sizing.maxConcurrentActivityTaskExecutions} activities at once, sticky timeout ${sizing.stickyQueueScheduleToStartTimeoutMs} ms`,
  );
  if (config.MILEPOST_WEBHOOK_ALLOW.entries.length > 0) say(`webhooks may also reach ${config.MILEPOST_WEBHOOK_ALLOW.entries.join(', ')} (MILEPOST_WEBHOOK_ALLOW)`);

  const connection = await Connection.connect({ address });
  stops.push({ name: 'Temporal client', stop: () => connection.close() });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, interceptors: { workflow: [requestIdMemo] } });
  // Schedule bindings changed while the engine was away (or its history was wiped) are put right.
  const reconciled = await reconcileFlowSchedules({ db, client, taskQueue: TASK_QUEUE });
  say(
    `flow schedules: ${reconciled.created.length} created, ${reconciled.updated.length} updated, ${reconciled.deleted.length} deleted, ${reconciled.unchanged.length} unchanged`,
  );

  const designerDir = fileURLToPath(new URL('../designer/dist', import.meta.url));
  const app = createApp({
    db,
    temporal: { client, taskQueue: TASK_QUEUE },
    designerDir,
    decisionLinks,
    trustProxy: config.TRUST_PROXY,
    logger,
    metrics: config.METRICS === 'on' && { token: config.METRICS_TOKEN },
  });
  const http = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST });
  stops.push({ name: 'HTTP server', stop: () => new Promise((resolve) => http.close(resolve)) });
  say(`API and web page on http://localhost:${config.PORT}, listening on ${config.HOST}${config.HOST === '127.0.0.1' ? ' (this machine only; HOST=0.0.0.0 serves the network)' : ''} (OpenAPI at /api/openapi.json${config.METRICS === 'on' ? `; Prometheus metrics at /metrics${config.METRICS_TOKEN ? ' behind METRICS_TOKEN' : ', keep it off the public network or set METRICS_TOKEN'}` : ''}). Ctrl-C stops everything.`);
}

let stopping = false;
async function shutdown(signal: string, code = 0) {
  if (stopping) return;
  stopping = true;
  logger.info({ part: 'milepost' }, `${signal}: stopping…`);
  for (const { name, stop } of stops.reverse()) {
    try {
      await stop();
      logger.info({ part: 'milepost' }, `stopped ${name}`);
    } catch (error) {
      logger.error({ part: 'milepost', err: error }, `could not stop ${name} cleanly`);
    }
  }
  process.exit(code);
}

process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

main().catch((error: unknown) => {
  logger.fatal({ part: 'milepost' }, `start failed: ${error instanceof Error ? error.message : String(error)}`);
  void shutdown('start failure', 1);
});
