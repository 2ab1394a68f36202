import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { configureTemporalRuntime, startWorker, type RunningWorker } from '../../activities/runtime/worker';
import { createApp, type App } from '../../api/app';
import { createDb, type Db } from '../../db/connect';
import { databaseUrlAt } from '../support/database-url';
import { createOrgChart, createProjectWithMilestone, inSeconds } from '../support/factories';
import { call, eventually, untilPassed } from '../support/http';
import { admin } from '../support/identities';
import { startSwitchableTcpProxy, type SwitchableTcpProxy } from '../support/switchable-tcp-proxy';
import { testDecisionLinks } from '../support/system';

// The API and a worker reach PostgreSQL and Temporal through proxies this test cuts and restores,
// as when the servers themselves go away: the servers keep their data, the processes keep running.
let pgProxy: SwitchableTcpProxy;
let temporalProxy: SwitchableTcpProxy;
let db: Db;
let connection: Connection;
let worker: RunningWorker;
let app: App;
/** The same API with the usual Temporal budget, for setting up before the outage on a busy machine. */
let setupApp: App;
const taskQueue = `milepost-outage-${randomUUID()}`;

beforeAll(async () => {
  configureTemporalRuntime('ERROR');
  const databaseUrl = new URL(inject('databaseUrl'));
  pgProxy = await startSwitchableTcpProxy({ host: databaseUrl.hostname, port: Number(databaseUrl.port) });
  const [host, port] = inject('temporalAddress').split(':');
  temporalProxy = await startSwitchableTcpProxy({ host: host!, port: Number(port) });
  db = createDb(databaseUrlAt(pgProxy.port), { max: 5, connectTimeoutMs: 2_000 });
  const temporalAddress = `127.0.0.1:${temporalProxy.port}`;
  connection = await Connection.connect({ address: temporalAddress });
  // A short budget, so calls during the outage answer 503 quickly.
  app = createApp({ db, temporal: { client: new Client({ connection }), taskQueue, requestBudgetMs: 3_000 }, decisionLinks: testDecisionLinks });
  setupApp = createApp({ db, temporal: { client: new Client({ connection }), taskQueue }, decisionLinks: testDecisionLinks });
  worker = await startWorker({ address: temporalAddress, namespace: 'default', db, taskQueue, decisionLinks: testDecisionLinks, workflowBundle: { code: inject('workflowBundleCode') } });
});

afterAll(async () => {
  await pgProxy?.restore().catch(() => {});
  await temporalProxy?.restore().catch(() => {});
  await worker?.stop();
  await connection?.close();
  await db?.destroy();
  await pgProxy?.close();
  await temporalProxy?.close();
});

const readiness = async () => (await call(app, 'GET', '/readyz', undefined, { as: null })).body.parts as Record<string, { state: string }>;

describe('an outage of PostgreSQL, then Temporal, while timers are due', () => {
  it('answers 503 and flips readiness while they are down, and once they are back every milestone due meanwhile is checked and escalated exactly once, with no restart', async () => {
    const org = await createOrgChart(setupApp);
    // Three projects whose milestones fall due while both parts are down; nobody reports, so each misses.
    const projects = await Promise.all(Array.from({ length: 3 }, () => createProjectWithMilestone(setupApp, org, { dueInSeconds: 12, ackTimeoutSeconds: 600 })));
    const dueAt = (await db.selectFrom('milestones').select('dueAt').where('projectId', '=', projects[0]!.id).executeTakeFirstOrThrow()).dueAt;

    await pgProxy.cut();
    const duringDatabaseOutage = await call(app, 'GET', `/api/projects/${projects[0]!.id}`);
    expect(duringDatabaseOutage.status).toBe(503);
    expect(duringDatabaseOutage.body.error.code).toBe('database_unavailable');
    expect(Number(duringDatabaseOutage.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await readiness()).database!.state).toBe('down');

    await temporalProxy.cut();
    expect((await readiness()).temporal!.state).toBe('down');
    const start = await call(app, 'POST', '/api/projects', { name: `During the outage ${randomUUID()}`, ownerId: admin().id, periodStart: inSeconds(0), periodEnd: inSeconds(3600), milestones: [] });
    expect(start.status).toBe(503);

    // The milestones fall due while both are away.
    await untilPassed(dueAt.getTime(), 3_000);
    await pgProxy.restore();
    await temporalProxy.restore();

    await eventually(async () => {
      const parts = await readiness();
      expect(parts.database!.state).toBe('up');
      expect(parts.temporal!.state).toBe('up');
    }, { timeoutMs: 60_000, intervalMs: 500 });
    const ids = projects.map((p) => p.id);
    await eventually(async () => {
      const missed = await db.selectFrom('milestones').select('status').where('projectId', 'in', ids).execute();
      expect(missed.map((m) => m.status)).toEqual(['missed', 'missed', 'missed']);
      const escalations = await db.selectFrom('escalations').select(['projectId', 'level']).where('projectId', 'in', ids).execute();
      expect(escalations.map((e) => e.projectId).sort()).toEqual([...ids].sort());
      // Each escalation's request reaches the inbox in the step after the escalation is written.
      const delivered = await db.selectFrom('inbox_items').select('id').where('userId', '=', org.manager.id).where('kind', '=', 'acknowledgement_request').execute();
      expect(delivered).toHaveLength(3);
    }, { timeoutMs: 90_000, intervalMs: 500 });
    // Exactly once: one check and one first-level escalation each, and one request in the manager's inbox per project.
    const escalations = await db.selectFrom('escalations').select(['projectId', 'level']).where('projectId', 'in', ids).execute();
    expect(escalations.every((e) => e.level === 1)).toBe(true);
    expect(escalations).toHaveLength(3);
    const requests = await db.selectFrom('inbox_items').select('id').where('userId', '=', org.manager.id).where('kind', '=', 'acknowledgement_request').execute();
    expect(requests).toHaveLength(3);
    // And the API serves again, without a restart.
    expect((await call(app, 'GET', `/api/projects/${projects[0]!.id}`)).status).toBe(200);
    for (const p of projects) await call(app, 'POST', `/api/projects/${p.id}/close`, { outcome: 'lost' }, { as: org.rep });
  }, 240_000);
});
