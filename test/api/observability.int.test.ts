import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { requestIdMemo } from '../../api/request-id-memo';
import { createApp, type App } from '../../api/app';
import { parseTrustProxy } from '../../api/client-address';
import { createLogger } from '../../activities/runtime/logger';
import { call } from '../support/http';
import { admin } from '../support/identities';
import { testDecisionLinks, useSystem } from '../support/system';

const system = useSystem({ worker: false });

/** A JSON logger whose lines land in `lines`, as a log collector would read stdout. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
  return { logger, lines };
}

const metricsToken = 'metrics-token-of-this-test-0123456789';

describe('logs and metrics of the API', () => {
  let app: App;
  let lines: Record<string, unknown>[];
  let guarded: App;

  beforeAll(() => {
    const deps = { db: system.db, temporal: { client: system.client, taskQueue: system.taskQueue }, decisionLinks: testDecisionLinks };
    const captured = capturedLogger();
    lines = captured.lines;
    app = createApp({ ...deps, logger: captured.logger, trustProxy: parseTrustProxy('1') });
    guarded = createApp({ ...deps, logger: capturedLogger().logger, metrics: { token: metricsToken } });
  });

  /** The request as the node server hands it over: from a proxy's socket naming the client. */
  const viaProxy = (path: string, headers: Record<string, string> = {}) =>
    app.request(path, { headers: { authorization: `Bearer ${admin().token}`, 'x-forwarded-for': '203.0.113.7', ...headers } }, { incoming: { socket: { remoteAddress: '10.0.0.2' } } });

  it('writes one JSON line per request with its method, route pattern, status, duration, request id and client address', async () => {
    const before = lines.length;
    const res = await viaProxy(`/api/projects/${'3f1c2a9e-5b6d-4e8f-9a0b-1c2d3e4f5a6b'}`);
    expect(res.status).toBe(404);
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const written = lines.slice(before).filter((line) => line.msg === 'request');
    expect(written).toEqual([
      expect.objectContaining({ level: 'info', method: 'GET', route: '/api/projects/:id', status: 404, requestId, client: '203.0.113.7', durationMs: expect.any(Number) as number }),
    ]);
  });

  it('takes the request id from a sensible X-Request-Id, echoes it, and replaces one that is not', async () => {
    const before = lines.length;
    const kept = await viaProxy('/healthz', { 'x-request-id': 'lb-7f3a9c.42' });
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a9c.42');
    expect(lines.slice(before)).toEqual([expect.objectContaining({ msg: 'request', route: '/healthz', status: 200, requestId: 'lb-7f3a9c.42' })]);
    const replaced = await viaProxy('/healthz', { 'x-request-id': 'a forged\tline "with" quotes' });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('counts requests on /metrics by method, route pattern and status class, with their latency and the process metrics', async () => {
    await viaProxy('/healthz');
    await viaProxy('/api/no-such-thing');
    const res = await call(app, 'GET', '/metrics', undefined, { as: null });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = res.body as string;
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/healthz",status_class="2xx"\} [1-9]\d*$/m);
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/api\/\*",status_class="4xx"\} [1-9]\d*$/m);
    expect(text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/healthz"\} [1-9]\d*$/m);
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('counts server errors apart, by status', async () => {
    const failing = createApp({ db: system.db, temporal: { client: system.client, taskQueue: system.taskQueue }, logger: capturedLogger().logger });
    failing.get('/boom-for-the-metrics-test', () => {
      throw new Error('on purpose');
    });
    expect((await failing.request('/boom-for-the-metrics-test')).status).toBe(500);
    const text = (await call(failing, 'GET', '/metrics', undefined, { as: null })).body as string;
    expect(text).toMatch(/^http_request_errors_total\{method="GET",route="\/boom-for-the-metrics-test",status="500"\} 1$/m);
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/boom-for-the-metrics-test",status_class="5xx"\} 1$/m);
  });

  it('serves /metrics only to its bearer token when METRICS_TOKEN is set', async () => {
    expect((await guarded.request('/metrics')).status).toBe(401);
    expect((await guarded.request('/metrics', { headers: { authorization: `Bearer ${admin().token}` } })).status).toBe(401);
    const allowed = await guarded.request('/metrics', { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('http_requests_total');
  });

  it('serves no /metrics when METRICS=off', async () => {
    const off = createApp({ db: system.db, temporal: { client: system.client, taskQueue: system.taskQueue }, metrics: false });
    expect((await off.request('/metrics')).status).toBe(404);
  });

  it('names the request that started a workflow in its memo, as requestId', async () => {
    const client = new Client({ connection: system.client.connection, namespace: 'default', interceptors: { workflow: [requestIdMemo] } });
    const starting = createApp({ db: system.db, temporal: { client, taskQueue: system.taskQueue }, logger: capturedLogger().logger });
    const workflowId = `request-id-memo-${randomUUID()}`;
    // No worker polls this queue: the start is all that is looked at.
    starting.post('/start-for-the-memo-test', async (c) => {
      await client.workflow.start('noSuchWorkflow', { taskQueue: `nobody-${randomUUID()}`, workflowId, args: [] });
      return c.body(null, 204);
    });
    const res = await starting.request('/start-for-the-memo-test', { method: 'POST', headers: { 'x-request-id': 'memo-test-7' } });
    expect(res.status).toBe(204);
    const handle = client.workflow.getHandle(workflowId);
    try {
      expect((await handle.describe()).memo).toEqual({ requestId: 'memo-test-7' });
    } finally {
      await handle.terminate('test done');
    }
  });
});
