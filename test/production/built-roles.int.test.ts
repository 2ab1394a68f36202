import { randomUUID } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../activities/runtime/free-port';
import type { App } from '../../api/app';
import { createOrgChart, createProject, readProject, startExecution } from '../support/factories';
import { eventually } from '../support/http';
import { buildForProduction, rawGet, startRole, type RunningRole } from './built-program';

const shutdownSeconds = 10;

describe('The built program with production dependencies only', () => {
  let build: Awaited<ReturnType<typeof buildForProduction>>;
  let worker: RunningRole;
  let api: RunningRole;
  let base: string;
  /** The API over HTTP, in the shape the test helpers take. */
  let remote: App;

  beforeAll(async () => {
    build = await buildForProduction();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    remote = { request: (path: string, init?: RequestInit) => fetch(`${base}${path}`, init) } as unknown as App;
    const common = {
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      // A queue of this test's own: only the worker process started here can run its workflows.
      MILEPOST_TASK_QUEUE: `built-roles-${randomUUID()}`,
      MILEPOST_SECRET: 'built-roles-test-secret-0123456789abcdef',
      MILEPOST_SHUTDOWN_SECONDS: String(shutdownSeconds),
      MILEPOST_DATA_DIR: `${build.dir}/data`,
      LOG_LEVEL: 'info',
    };
    worker = startRole(build.dir, 'worker', { ...common, DATABASE_URL: inject('databaseUrl') });
    api = startRole(build.dir, 'api', { ...common, DATABASE_URL: inject('databaseUrl'), MIGRATION_DATABASE_URL: inject('ownerDatabaseUrl'), PORT: String(port) });
  });

  afterAll(async () => {
    for (const role of [api, worker]) if (role && role.child.exitCode === null) role.child.kill('SIGKILL');
    await build?.remove();
  });

  it('answers /readyz with 200 once the api process is up, and the worker polls with the prebuilt workflow bundle', async () => {
    await eventually(async () => expect((await fetch(`${base}/readyz`)).status, api.output()).toBe(200), { timeoutMs: 30_000, intervalMs: 250 });
    await eventually(async () => expect(worker.output()).toMatch(/worker polling task queue \\"built-roles-[\w-]+\\" \(prebuilt workflow bundle\)/), { timeoutMs: 30_000, intervalMs: 250 });
  });

  it('creates a project through the api process and the worker process runs its lifecycle workflow', async () => {
    const org = await createOrgChart(remote);
    const project = await createProject(remote, org.rep.id, 'Built roles');
    // Approval of the submitted plan and the move to execution happen in the lifecycle workflow.
    await startExecution(remote, project.id, org.rep);
    expect((await readProject(remote, project.id)).phase).toBe('execution');
  });

  it('serves the web page and its hashed scripts precompressed, the scripts cached for good', async () => {
    const page = await rawGet(`${base}/projects`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    const html = brotliDecompressSync(page.body).toString();
    const script = /src="(\/assets\/index-[\w-]+\.js)"/.exec(html)?.[1];
    expect(script, html).toBeDefined();

    const plain = await rawGet(`${base}${script}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await rawGet(`${base}${script}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'public, max-age=31536000, immutable', vary: 'Accept-Encoding' });
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const gzip = await rawGet(`${base}${script}`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
  });

  it('stops each process on SIGTERM with exit code 0 within MILEPOST_SHUTDOWN_SECONDS', async () => {
    for (const role of [api, worker]) {
      const started = Date.now();
      role.child.kill('SIGTERM');
      expect(await role.exited, role.output()).toBe(0);
      expect(Date.now() - started).toBeLessThan(shutdownSeconds * 1000);
    }
    expect(api.output(), api.output()).toContain('stopped HTTP server');
    expect(worker.output(), worker.output()).toContain('stopped worker');
  });

  it('starts the all role too, both parts in one process, when PostgreSQL and Temporal are given (nothing embedded is needed), and stops it on SIGTERM', async () => {
    const port = await freePort();
    const all = startRole(build.dir, 'all', {
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      MILEPOST_TASK_QUEUE: `built-all-${randomUUID()}`,
      MILEPOST_SECRET: 'built-roles-test-secret-0123456789abcdef',
      MILEPOST_SHUTDOWN_SECONDS: String(shutdownSeconds),
      MILEPOST_DATA_DIR: `${build.dir}/data-all`,
      DATABASE_URL: inject('databaseUrl'),
      MIGRATION_DATABASE_URL: inject('ownerDatabaseUrl'),
      PORT: String(port),
      LOG_LEVEL: 'info',
    });
    try {
      await eventually(async () => expect((await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status, all.output()).toBe(200), { timeoutMs: 120_000, intervalMs: 250 });
      expect(all.output()).toMatch(/worker polling task queue/);
      all.child.kill('SIGTERM');
      expect(await all.exited, all.output()).toBe(0);
    } finally {
      if (all.child.exitCode === null) all.child.kill('SIGKILL');
    }
  });

  it('refuses to start the api role without DATABASE_URL and TEMPORAL_ADDRESS, naming both', async () => {
    const bare = startRole(build.dir, 'api', {});
    expect(await bare.exited).toBe(1);
    expect(bare.output()).toMatch(/DATABASE_URL: required in the api role, which starts nothing embedded/);
    expect(bare.output()).toMatch(/TEMPORAL_ADDRESS: required in the api role/);
  });
});
