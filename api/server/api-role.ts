import { Client } from '@temporalio/client';
import { connectTemporalClient } from '../../activities/runtime/temporal-connect';
import { createApp } from '../app';
import { projectListPages } from '../project-list-pages';
import { projectPages } from '../project-pages';
import { reconcileFlowSchedules } from '../flow-schedules';
import { requestIdMemo } from '../request-id-memo';
import { webPageDir } from './built-files';
import { startHttpServer } from './http-server';
import type { RoleParts } from './role-parts';
import { startPrincipalCache } from '../auth/principal-cache';

/** The HTTP API and the web page, on a Temporal client. */
export async function startApiRole(input: RoleParts): Promise<void> {
  const { config, address, db, databaseUrl, decisionLinks, logger, stops, say } = input;
  const connection = await connectTemporalClient(address, config.temporalAccess, { limitMs: config.MILEPOST_STARTUP_WAIT_SECONDS * 1000, log: say });
  stops.add('Temporal client', () => connection.close());
  const client = new Client({ connection, namespace: config.temporalAccess.namespace, interceptors: { workflow: [requestIdMemo] } });
  // Schedule bindings changed while the engine was away (or its history was wiped) are put right.
  const reconciled = await reconcileFlowSchedules({ db, client, taskQueue: config.MILEPOST_TASK_QUEUE });
  say(`flow schedules: ${reconciled.created.length} created, ${reconciled.updated.length} updated, ${reconciled.deleted.length} deleted, ${reconciled.unchanged.length} unchanged`);

  // Who is behind a token or session, remembered until PostgreSQL says it changed (see api/auth/principal-cache.ts).
  const principalCache =
    config.AUTH_CACHE_TTL_MS > 0
      ? await startPrincipalCache({ listenUrl: config.DATABASE_LISTEN_URL ?? databaseUrl, ttlMs: config.AUTH_CACHE_TTL_MS, log: (line) => logger.info({ part: 'auth' }, line) })
      : undefined;
  if (principalCache) stops.add('auth cache', () => principalCache.close());

  const app = createApp({
    db,
    principalCache,
    projectPages: projectPages(db, client, { max: config.API_PROJECT_PAGES }),
    projectListPages: projectListPages(db, { max: config.API_PROJECT_LIST_PAGES }),
    channelKey: config.MILEPOST_CHANNEL_KEY,
    webhookAllow: config.MILEPOST_WEBHOOK_ALLOW,
    temporal: { client, taskQueue: config.MILEPOST_TASK_QUEUE },
    designerDir: webPageDir(),
    decisionLinks,
    trustProxy: config.TRUST_PROXY,
    logger,
    metrics: config.METRICS === 'on' && { token: config.METRICS_TOKEN },
  });
  const http = startHttpServer(app.fetch, config.PORT, config.HOST);
  stops.add('HTTP server', http.stop);
  const metrics = config.METRICS === 'on' ? `; Prometheus metrics at /metrics${config.METRICS_TOKEN ? ' behind METRICS_TOKEN' : ', keep it off the public network or set METRICS_TOKEN'}` : '';
  const where = config.HOST === '127.0.0.1' ? ' (this machine only; HOST=0.0.0.0 serves the network)' : '';
  say(`API and web page on http://localhost:${config.PORT}, listening on ${config.HOST}${where} (OpenAPI at /api/openapi.json${metrics}).`);
}
