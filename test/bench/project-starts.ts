// Benchmark: project starts (`POST /api/projects` over HTTP, concurrency 8: validation, the
// database transaction and the lifecycle workflow's start) against starting a minimal workflow
// (one timer, one activity) on the same Temporal server, task queue and worker.
// Run alone: npx tsx test/bench/project-starts.ts [--large]
import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { freePort } from '../../activities/runtime/free-port';
import { createApp } from '../../api/app';
import { createApiToken } from '../../db/queries/auth';
import { insertUser } from '../../db/queries/users';
import type { Bench, BenchRow } from './bench-table';
import { startBenchEngine } from './engine/bench-engine';
import { count, inParallel, ms, progress, quantile, runAlone } from './engine/figures';
import type { minimalWorkflow } from './engine/peer-workflows';

const CONCURRENCY = 8;

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
}

/** `total` calls of `once` at CONCURRENCY at once: throughput and latency. */
async function measure(total: number, once: (i: number) => Promise<void>): Promise<Run> {
  const latencies: number[] = [];
  const started = performance.now();
  await inParallel(
    Array.from({ length: total }, (_, i) => i),
    CONCURRENCY,
    async (i) => {
      const t0 = performance.now();
      await once(i);
      latencies.push(performance.now() - t0);
    },
  );
  return { perSecond: total / ((performance.now() - started) / 1000), p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) };
}

/** Rounds of each, alternated, so a neighbour's load on the shared machine falls on both alike. */
function combine(runs: Run[]): Run {
  return {
    perSecond: runs.reduce((sum, r) => sum + r.perSecond, 0) / runs.length,
    p50: Math.max(...runs.map((r) => r.p50)),
    p99: Math.max(...runs.map((r) => r.p99)),
  };
}

export const bench: Bench = async ({ large }) => {
  const perRound = large ? 500 : 150;
  const rounds = 2;
  progress('project starts: starting PostgreSQL, Temporal and bundling the workflows…');
  const engine = await startBenchEngine();
  progress('project starts: engine up');
  const { db, client, taskQueue } = engine;
  let server: ReturnType<typeof serve> | undefined;
  try {
    await engine.startWorker();
    const admin = await insertUser(db, { name: 'Bench Admin', email: 'admin@bench.test', role: 'admin' });
    const manager = await insertUser(db, { name: 'Mia Manager', email: 'manager@bench.test', role: 'manager' });
    const rep = await db.insertInto('users').values({ name: 'Ray Rep', email: 'rep@bench.test', managerId: manager.id }).returning('id').executeTakeFirstOrThrow();
    const { token } = await createApiToken(db, { userId: admin.id, name: 'bench', role: 'admin' });
    const app = createApp({ db, temporal: { client, taskQueue } });
    const port = await freePort();
    server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const year = new Date().getUTCFullYear() + 1;
    const at = (month: number) => new Date(Date.UTC(year, month, 1)).toISOString();
    // A year-long project with a milestone a quarter, as the sample company's projects have.
    const body = (i: number) =>
      JSON.stringify({
        name: `Bench project ${i} ${randomUUID().slice(0, 6)}`,
        ownerId: rep.id,
        periodStart: at(0),
        periodEnd: at(11),
        milestones: [2, 5, 8, 10].map((month, q) => ({ name: `Q${q + 1}`, dueAt: at(month), metric: 'revenue', targetValue: 250_000 * (q + 1), ownerId: rep.id })),
      });
    const createProject = async (i: number) => {
      const response = await fetch(`http://127.0.0.1:${port}/api/projects`, { method: 'POST', headers, body: body(i) });
      if (response.status !== 201) throw new Error(`POST /api/projects answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    };
    const startMinimal = async () => {
      await client.workflow.start<typeof minimalWorkflow>('minimalWorkflow', { workflowId: `minimal-${randomUUID()}`, taskQueue, args: ['bench'] });
    };

    progress('project starts: warming up');
    await measure(2 * CONCURRENCY, createProject); // warm-up: module loading, connections, caches
    await measure(2 * CONCURRENCY, startMinimal);
    const milepost: Run[] = [];
    const peer: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      milepost.push(await measure(perRound, createProject));
      peer.push(await measure(perRound, startMinimal));
      progress(`project starts: round ${round + 1}: ${milepost.at(-1)!.perSecond.toFixed(1)} vs ${peer.at(-1)!.perSecond.toFixed(1)} /s`);
    }
    const m = combine(milepost);
    const p = combine(peer);
    const ratio = m.perSecond / p.perSecond;
    const row: BenchRow = {
      what: `project starts (\`POST /api/projects\`, 4 milestones, over HTTP), concurrency ${CONCURRENCY}, ${count(perRound * rounds)} starts`,
      milepost: `${m.perSecond.toFixed(1)} /s, p50 ${ms(m.p50)}, p99 ${ms(m.p99)}`,
      peer: `a minimal workflow (one timer, one activity) started on the same server and task queue: ${p.perSecond.toFixed(1)} /s, p99 ${ms(p.p99)}`,
      ratio,
      target: '≥ 0.9×',
      met: ratio >= 0.9,
    };
    return [row];
  } finally {
    // Not awaited: the client's keep-alive connections would hold the close back.
    server?.close();
    await engine.stop();
    progress('project starts: stopped');
  }
};

await runAlone(import.meta.url, bench);
