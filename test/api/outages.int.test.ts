import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../activities/runtime/free-port';
import { createApp, type App } from '../../api/app';
import { createDb, type Db } from '../../db/connect';
import { databaseUrlAt } from '../support/database-url';
import { createProject } from '../support/factories';
import { call, eventually } from '../support/http';
import { admin } from '../support/identities';
import { startSwitchableTcpProxy, type SwitchableTcpProxy } from '../support/switchable-tcp-proxy';
import { testDecisionLinks, useSystem } from '../support/system';

const system = useSystem({ worker: false });


const appWith = (db: Db, client: Client, requestBudgetMs?: number): App =>
  createApp({ db, temporal: { client, taskQueue: system.taskQueue, requestBudgetMs }, decisionLinks: testDecisionLinks });

/** Database pools that reach nothing, closed after the file. */
const deadEnds: { close(): Promise<unknown> }[] = [];
afterAll(async () => {
  for (const dead of deadEnds.splice(0)) await dead.close();
});

/**
 * A Temporal client that reaches nothing. Its connection is left open until the file's process
 * ends: a call given up at its deadline may still have a retry scheduled by the client's gRPC
 * retry interceptor, which throws an uncaught "Channel has been shut down" from its timer if the
 * connection was closed meanwhile (it failed a full run so).
 */
async function deadTemporalClient(): Promise<Client> {
  const connection = await Connection.lazy({ address: `127.0.0.1:${await freePort()}` });
  return new Client({ connection, namespace: 'default' });
}

async function deadDatabase(): Promise<Db> {
  const db = createDb(databaseUrlAt(await freePort()), { max: 2 });
  deadEnds.push({ close: () => db.destroy() });
  return db;
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
}

describe('health probes', () => {
  it('answers /healthz 200 without an identity and without asking the database or Temporal', async () => {
    const app = appWith(await deadDatabase(), await deadTemporalClient());
    const { result: res, ms } = await timed(() => call(app, 'GET', '/healthz', undefined, { as: null }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ alive: true });
    expect(ms).toBeLessThan(1_000);
  });

  it('answers /readyz 200 with each part up while PostgreSQL and Temporal answer', async () => {
    const res = await call(system.app, 'GET', '/readyz', undefined, { as: null });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      ready: true,
      message: 'Ready: the database and the workflow engine (Temporal) answer.',
      parts: { database: { state: 'up', reason: null }, temporal: { state: 'up', reason: null } },
    });
  });

  it('answers /readyz 503 naming Temporal, with Retry-After, within a few seconds while Temporal is unreachable', async () => {
    const app = appWith(system.db, await deadTemporalClient());
    const { result: res, ms } = await timed(() => call(app, 'GET', '/readyz', undefined, { as: null }));
    expect(res.status, JSON.stringify(res.body)).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.body.ready).toBe(false);
    expect(res.body.parts.database).toEqual({ state: 'up', reason: null });
    expect(res.body.parts.temporal).toEqual({ state: 'down', reason: expect.any(String) });
    expect(res.body.message).toMatch(/^Not ready: the workflow engine \(Temporal\) is not reachable \(.+\)\.$/);
    expect(ms).toBeLessThan(6_000);
  });

  it('answers /readyz 503 naming the database, without its address, while PostgreSQL is unreachable', async () => {
    const app = appWith(await deadDatabase(), system.client);
    const { result: res, ms } = await timed(() => call(app, 'GET', '/readyz', undefined, { as: null }));
    expect(res.status, JSON.stringify(res.body)).toBe(503);
    expect(res.body.parts).toEqual({ database: { state: 'down', reason: 'connection refused' }, temporal: { state: 'up', reason: null } });
    expect(res.body.message).toBe('Not ready: the database is not reachable (connection refused).');
    expect(JSON.stringify(res.body)).not.toContain('127.0.0.1');
    expect(ms).toBeLessThan(6_000);
  });
});

describe('while the database is unreachable', () => {
  let proxy: SwitchableTcpProxy;
  let db: Db;
  let app: App;

  beforeAll(async () => {
    proxy = await startSwitchableTcpProxy({ host: new URL(inject('databaseUrl')).hostname, port: Number(new URL(inject('databaseUrl')).port) });
    db = createDb(databaseUrlAt(proxy.port), { max: 3 });
    app = appWith(db, system.client);
  });
  afterAll(async () => {
    await db?.destroy();
    await proxy?.close();
  });

  it('answers a project read and the project list with 503 JSON, Retry-After and a sentence naming the database, within seconds, then serves again by itself once it is back', async () => {
    const project = await createProject(app, admin().id, 'Outage');
    expect((await call(app, 'GET', `/api/projects/${project.id}`)).status).toBe(200);

    await proxy.cut();
    for (const path of [`/api/projects/${project.id}`, '/api/projects']) {
      const { result: res, ms } = await timed(() => call(app, 'GET', path));
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(503);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(res.body).toEqual({ error: { code: 'database_unavailable', message: 'The database is not reachable; try again shortly.', details: [] } });
      expect(ms).toBeLessThan(5_000);
    }
    expect((await call(app, 'GET', '/readyz', undefined, { as: null })).body.parts.database.state).toBe('down');

    await proxy.restore();
    const back = await eventually(async () => {
      const res = await call(app, 'GET', `/api/projects/${project.id}`);
      expect(res.status).toBe(200);
      return res;
    }, { timeoutMs: 15_000 });
    expect(back.body.name).toBe(project.name);
    expect((await call(app, 'GET', '/api/projects')).status).toBe(200);
    expect((await call(app, 'GET', '/readyz', undefined, { as: null })).status).toBe(200);
  });
});

describe('while Temporal is unreachable', () => {
  it('answers creating a project with 503 naming the workflow engine within the request budget, and writes nothing', async () => {
    const app = appWith(system.db, await deadTemporalClient(), 2_000);
    const name = `Never started ${Date.now()}`;
    const { result: res, ms } = await timed(() =>
      call(app, 'POST', '/api/projects', { name, ownerId: admin().id, periodStart: new Date().toISOString(), periodEnd: new Date(Date.now() + 3_600_000).toISOString(), milestones: [] }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.body.error).toEqual({ code: 'engine_unavailable', message: 'The workflow engine (Temporal) is not reachable or did not answer in time; try again shortly.', details: [] });
    expect(ms).toBeLessThan(8_000);
    const listed = await call(system.app, 'GET', '/api/projects');
    expect(JSON.stringify(listed.body)).not.toContain(name);
  });

  it('flips /readyz to 503 while the connection to Temporal is cut, and back to 200 by itself when it returns', async () => {
    const [host, port] = inject('temporalAddress').split(':');
    const proxy = await startSwitchableTcpProxy({ host: host!, port: Number(port) });
    // No gRPC retries on this connection: a retry timer set while the engine is cut would fire after
    // the connection is closed and throw where nobody catches it, in whichever file runs next in
    // this process (the client's retry interceptor does not stop at the caller's deadline).
    const connection = await Connection.connect({ address: `127.0.0.1:${proxy.port}`, interceptors: [] });
    try {
      const app = appWith(system.db, new Client({ connection, namespace: 'default' }));
      expect((await call(app, 'GET', '/readyz', undefined, { as: null })).status).toBe(200);
      await proxy.cut();
      const down = await call(app, 'GET', '/readyz', undefined, { as: null });
      expect(down.status).toBe(503);
      expect(down.body.parts.temporal.state).toBe('down');
      await proxy.restore();
      await eventually(async () => expect((await call(app, 'GET', '/readyz', undefined, { as: null })).status).toBe(200), { timeoutMs: 60_000, intervalMs: 500 });
    } finally {
      await connection.close();
      await proxy.close();
    }
  });
});
