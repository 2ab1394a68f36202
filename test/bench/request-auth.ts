// Benchmark: an authenticated trivial read over real HTTP against the same trivial read without
// Milepost. Run: npx tsx test/bench/request-auth.ts (or through `npm run bench`); asserts nothing.
//
// Milepost: `GET /api/auth/session` with an API token, on @hono/node-server, the whole app as
// `npm start` builds it (request log, metrics, secure headers, CSP, authentication) with the
// principal cache on (api/auth/principal-cache.ts): after the first request the token costs no
// query. Peer: a hello-world Hono app on @hono/node-server in the same process. Both are driven by
// autocannon with 10 connections, after a short warm-up, in alternating rounds of `roundSeconds`
// (peer, then Milepost): on a busy machine the load drifts, so each round's ratio compares two
// neighbouring measurements, and the row shows the medians over the rounds.
import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { createApp } from '../../api/app';
import { startPrincipalCache, type PrincipalCache } from '../../api/auth/principal-cache';
import { createApiToken } from '../../db/queries/auth';
import { insertUser } from '../../db/queries/users';
import { printBenchTable, type Bench, type BenchRow } from './bench-table';
import { startBenchDatabase } from './bench-database';
import { helloWorld, load as loadFigures, serveOverHttp, type Served } from './http-load';

const connections = 10;
const rounds = 3;
const roundSeconds = 2;
const warmUpSeconds = 1;

interface Load {
  requestsPerSecond: number;
  p99Ms: number;
}

/** One uncounted stretch of `seconds`; any failed request fails the benchmark. */
async function load(url: string, headers: Record<string, string>, seconds: number): Promise<Load> {
  const figures = await loadFigures(url, { connections, seconds, warmUpSeconds: 0, headers });
  if (figures.failures > 0) throw new Error(`${url}: ${figures.failures} requests failed (non-2xx, errors or timeouts)`);
  return { requestsPerSecond: figures.requestsPerSecond, p99Ms: figures.p99Ms };
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const medianLoad = (loads: Load[]): Load => ({ requestsPerSecond: median(loads.map((l) => l.requestsPerSecond)), p99Ms: median(loads.map((l) => l.p99Ms)) });

const figure = (l: Load) => `${Math.round(l.requestsPerSecond).toLocaleString('en')} req/s, p99 ${l.p99Ms} ms`;

export const requestAuthBench: Bench = async () => {
  const bench = await startBenchDatabase();
  const servers: Served[] = [];
  let cache: PrincipalCache | undefined;
  try {
    const user = await insertUser(bench.db, { name: 'Bench Admin', email: 'admin@bench.test', role: 'admin' });
    const { token } = await createApiToken(bench.db, { userId: user.id, name: 'bench', role: 'admin' });
    cache = await startPrincipalCache({ listenUrl: bench.url });
    const app = createApp({ db: bench.db, temporal: { client: new Client(), taskQueue: 'bench' }, principalCache: cache });
    const milepost = await serveOverHttp(app.fetch);
    const peer = await helloWorld();
    servers.push(milepost, peer);
    const session = `${milepost.url}/api/auth/session`;
    const auth = { authorization: `Bearer ${token}` };

    await load(peer.url, {}, warmUpSeconds);
    await load(session, auth, warmUpSeconds);
    const peerLoads: Load[] = [];
    const milepostLoads: Load[] = [];
    for (let round = 0; round < rounds; round++) {
      peerLoads.push(await load(peer.url, {}, roundSeconds));
      milepostLoads.push(await load(session, auth, roundSeconds));
    }

    const ratio = median(milepostLoads.map((m, i) => m.requestsPerSecond / peerLoads[i]!.requestsPerSecond));
    const row: BenchRow = {
      what: `authenticated trivial read (GET /api/auth/session with a token), ${connections} connections, median of ${rounds} × ${roundSeconds} s`,
      milepost: figure(medianLoad(milepostLoads)),
      peer: `hello-world Hono on @hono/node-server: ${figure(medianLoad(peerLoads))}`,
      ratio,
      target: '≥ 0.3×',
      met: ratio >= 0.3,
    };
    return [row];
  } finally {
    await Promise.all(servers.map((server) => server.close()));
    await cache?.close();
    await bench.stop();
  }
};

export default requestAuthBench;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(printBenchTable(await requestAuthBench({ large: false })));
}
