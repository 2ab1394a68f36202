// Benchmark: project starts (`POST /api/projects` over HTTP, concurrency 8: validation, the
// database transaction and the lifecycle workflow's start) against starting a minimal workflow
// (one timer, one activity) on the same Temporal server, task queue and worker. Each round starts
// once the engine has finished what the round before it started, so that neither side's work is
// timed on the other's clock. First, with no worker running, the API's own rate (the ceiling a
// faster lifecycle could reach).
// Run alone: npx tsx test/bench/project-starts.ts [--large]
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { serve } from '@hono/node-server';
import { freePort } from '../../activities/runtime/free-port';
import { createApp } from '../../api/app';
import { startPrincipalCache, type PrincipalCache } from '../../api/auth/principal-cache';
import { createApiToken } from '../../db/queries/auth';
import { insertUser } from '../../db/queries/users';
import type { Bench, BenchRow } from './bench-table';
import { startBenchEngine } from './engine/bench-engine';
import { count, inParallel, ms, progress, quantile, runAlone } from './engine/figures';
import type { minimalWorkflow } from './engine/peer-workflows';
import { salesProjectWorkflowId } from '../../workflows/task-queue';

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

/**
 * Waits until each of these projects' workflows has nothing left to do for now: no workflow task
 * and no activity pending (it has then read its plan and waits for its submission).
 */
async function untilSettled(client: Client, workflowIds: readonly string[]): Promise<void> {
  const deadline = Date.now() + 120_000;
  let waiting = [...workflowIds];
  while (waiting.length > 0) {
    if (Date.now() > deadline) throw new Error(`${waiting.length} workflows still had work pending after 120 s.`);
    const busy = await inParallel(waiting, 16, async (id) => {
      const { raw } = await client.workflow.getHandle(id).describe();
      return raw.pendingWorkflowTask || (raw.pendingActivities ?? []).length > 0 ? id : null;
    });
    waiting = busy.filter((id): id is string => id !== null);
    if (waiting.length > 0) await new Promise((resolve) => setTimeout(resolve, 200));
  }
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
  let principalCache: PrincipalCache | undefined;
  try {
    const admin = await insertUser(db, { name: 'Bench Admin', email: 'admin@bench.test', role: 'admin' });
    const manager = await insertUser(db, { name: 'Mia Manager', email: 'manager@bench.test', role: 'manager' });
    const rep = await db.insertInto('users').values({ name: 'Ray Rep', email: 'rep@bench.test', managerId: manager.id }).returning('id').executeTakeFirstOrThrow();
    const { token } = await createApiToken(db, { userId: admin.id, name: 'bench', role: 'admin' });
    // As the API runs in production: signed-in people are remembered (api/auth/principal-cache.ts).
    principalCache = await startPrincipalCache({ listenUrl: engine.databaseUrl });
    const app = createApp({ db, temporal: { client, taskQueue }, principalCache });
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
    let started: string[] = [];
    const createProject = async (i: number) => {
      const response = await fetch(`http://127.0.0.1:${port}/api/projects`, { method: 'POST', headers, body: body(i) });
      if (response.status !== 201) throw new Error(`POST /api/projects answered ${response.status}: ${await response.text()}`);
      started.push(salesProjectWorkflowId(((await response.json()) as { id: string }).id));
    };
    const startMinimal = async () => {
      const workflowId = `minimal-${randomUUID()}`;
      await client.workflow.start<typeof minimalWorkflow>('minimalWorkflow', { workflowId, taskQueue, args: ['bench'] });
      started.push(workflowId);
    };
    /** One measured round, then the engine's work for what it started (`settle`), untimed. */
    const round = async (total: number, once: (i: number) => Promise<void>, settle: (workflowIds: string[]) => Promise<void>) => {
      started = [];
      const run = await measure(total, once);
      await settle(started);
      return run;
    };
    const projectsSettled = (ids: string[]) => untilSettled(client, ids);
    // A minimal workflow's timer is pending without a task: it is done once it has completed.
    const minimalsDone = async (ids: string[]) => {
      await inParallel(ids, 16, (id) => client.workflow.getHandle(id).result());
    };

    progress('project starts: the API alone, no worker running');
    await measure(2 * CONCURRENCY, createProject); // warm-up: module loading, connections, caches
    const apiAlone = await measure(perRound, createProject);
    await engine.startWorker();
    progress('project starts: worker started; it takes up the projects started so far, then the warm-up');
    await untilSettled(client, started);
    await round(2 * CONCURRENCY, createProject, projectsSettled);
    await round(2 * CONCURRENCY, startMinimal, minimalsDone);
    const milepost: Run[] = [];
    const peer: Run[] = [];
    for (let r = 0; r < rounds; r++) {
      milepost.push(await round(perRound, createProject, projectsSettled));
      peer.push(await round(perRound, startMinimal, minimalsDone));
      progress(`project starts: round ${r + 1}: ${milepost.at(-1)!.perSecond.toFixed(1)} vs ${peer.at(-1)!.perSecond.toFixed(1)} /s`);
    }
    const m = combine(milepost);
    const p = combine(peer);
    const ratio = m.perSecond / p.perSecond;
    const row: BenchRow = {
      what: `project starts (\`POST /api/projects\`, 4 milestones, over HTTP), concurrency ${CONCURRENCY}, ${count(perRound * rounds)} starts`,
      milepost: `${m.perSecond.toFixed(1)} /s, p50 ${ms(m.p50)}, p99 ${ms(m.p99)}; the API alone, with no worker running: ${apiAlone.perSecond.toFixed(1)} /s (${(apiAlone.perSecond / p.perSecond).toFixed(2)}×)`,
      peer: `a minimal workflow (one timer, one activity) started on the same server and task queue: ${p.perSecond.toFixed(1)} /s, p99 ${ms(p.p99)}`,
      ratio,
      target: '≥ 0.9×',
      met: ratio >= 0.9,
    };
    return [row];
  } finally {
    // Not awaited: the client's keep-alive connections would hold the close back.
    server?.close();
    await principalCache?.close();
    await engine.stop();
    progress('project starts: stopped');
  }
};

await runAlone(import.meta.url, bench);
