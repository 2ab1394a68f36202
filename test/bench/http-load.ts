// Load over real HTTP for the benchmarks: autocannon in a worker thread (so the load generator does
// not share the event loop with the server it measures), and the hello-world peer every HTTP
// figure is compared with: a bare Hono app on @hono/node-server in the same process.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';

export interface LoadFigures {
  /** Mean requests a second over the run. */
  rps: number;
  p50: number;
  p99: number;
  /** Answers that were not 2xx, and connection errors or timeouts. */
  failures: number;
}

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/** `fetch` served on a free port of 127.0.0.1. */
export async function serveFetch(fetch: (request: Request) => Response | Promise<Response>): Promise<Served> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The peer: hello world from Hono, the least any Hono app on @hono/node-server can do. */
export function serveHelloWorld(): Promise<Served> {
  return serveFetch(new Hono().get('/', (c) => c.text('Hello Hono!')).fetch);
}

/** `GET url` from `connections` connections for `seconds`, after a one-second warm-up. */
export async function loadGet(url: string, { headers = {}, connections = 10, seconds = 5 }: { headers?: Record<string, string>; connections?: number; seconds?: number } = {}): Promise<LoadFigures> {
  const run = (duration: number) => autocannon({ url, headers, connections, duration, workers: 1 });
  await run(1);
  const result = await run(seconds);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failures: result.non2xx + result.errors + result.timeouts };
}

/** "5,120 req/s, p99 4.1 ms" */
export const figuresText = (f: LoadFigures): string =>
  `${Math.round(f.rps).toLocaleString('en-US')} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms${f.failures > 0 ? `, ${f.failures} failed` : ''}`;
