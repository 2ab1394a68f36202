import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not 2xx, and connection errors or timeouts. */
  failures: number;
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves a fetch handler (a Hono app) over real HTTP on a free local port. */
export async function serveOverHttp(fetch: (request: Request) => Response | Promise<Response>): Promise<Served> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => new Promise<void>((done) => server.close(() => done())) }),
    );
  });
}

/**
 * The peer of every HTTP benchmark: Hono on @hono/node-server answering a constant to any path, in
 * the same process. Load it with the same `path` as the route it is compared with, so that the
 * client's own work per request (autocannon rebuilds a request whose path changes) weighs on both.
 */
export function helloWorld(): Promise<Served> {
  const app = new Hono().get('*', (c) => c.text('Hello world'));
  return serveOverHttp(app.fetch);
}

/**
 * `connections` clients sending requests back to back for `seconds` (after a warm-up of
 * `warmUpSeconds` that is not counted, one by default); `path` picks each request's path, e.g. a
 * random project, else the URL's own.
 */
export async function load(
  url: string,
  { connections = 10, seconds = 5, warmUpSeconds = 1, headers = {}, path }: { connections?: number; seconds?: number; warmUpSeconds?: number; headers?: Record<string, string>; path?: () => string } = {},
): Promise<LoadFigures> {
  const run = (duration: number) =>
    autocannon({ url, connections, duration, headers, ...(path ? { requests: [{ setupRequest: (request) => ({ ...request, path: path() }) }] } : {}) });
  if (warmUpSeconds > 0) await run(warmUpSeconds);
  const result = await run(seconds);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** "5,120 req/s, p50 1.2 ms, p99 4.1 ms" */
export const describeLoad = (f: LoadFigures) =>
  `${Math.round(f.requestsPerSecond).toLocaleString('en')} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms${f.failures ? `, ${f.failures} failed` : ''}`;
