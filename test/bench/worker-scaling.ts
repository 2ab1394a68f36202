// Benchmark: do more workers help? The same set of live projects in execution (twelve milestones
// each) with a burst of misses falling due at the same instant, run on one Temporal dev server and
// one PostgreSQL with 1 worker process and with 2 worker processes polling the same task queue
// (each run has a task queue, projects and workers of its own). The runs go 1, 2, 2, 1 workers, so
// a machine getting busier or quieter during the script weighs on both alike; the two runs of each
// are pooled. A warm-up burst with 1 worker goes first and is not counted: the first burst on a
// fresh server and database measured up to twice as slow as the later ones, whatever the workers. Every miss escalates through the default "milestone missed" flow,
// whose first step writes the escalation row. Measured: escalations per second over the burst
// (misses ÷ the time from the due instant to the last escalation row) and due → escalation row,
// p50 and p99. The peer of the 2-worker figures is the 1-worker runs, in the same script.
// Run alone: npx tsx test/bench/worker-scaling.ts [--large]
import type { ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import type { Bench, BenchRow } from './bench-table';
import { startBenchEngine, type BenchEngine } from './engine/bench-engine';
import { count, inParallel, ms, progress, quantile, runAlone } from './engine/figures';
import { insertLiveProjects, seedSalesTeam, startLifecycles, waitUntilLoaded } from './engine/live-projects';
import { startWorkerProcess, stopWorkerProcess, writeBundleFile } from './engine/worker-processes';

/** How long after the due instant a run waits for its last escalation. */
const WAIT_MS = 120_000;
const BURST_MILESTONE = 3; // the fourth: not the first nor the last of the plan

/** Workers per run, in order: 1 and 2 both first and last. */
const ORDER = [1, 2, 2, 1] as const;

interface ScalingRun {
  workers: number;
  escalated: number;
  /** From the due instant to the last escalation row (to the end of the wait if some never came). */
  burstMs: number;
  lags: number[];
  missing: number;
  /** How long after the due instant the burst projects were all loaded (0 when before). */
  lateMs: number;
}

async function runWith(
  engine: BenchEngine,
  input: { workers: number; live: number; misses: number; repIds: string[]; bundleFile: string },
): Promise<ScalingRun> {
  const { db, client } = engine;
  const taskQueue = `${engine.taskQueue}-${input.workers}w`;
  const label = `worker scaling, ${input.workers} worker${input.workers === 1 ? '' : 's'}`;
  const children: ChildProcess[] = [];
  try {
    const started = await Promise.allSettled(
      Array.from({ length: input.workers }, () =>
        startWorkerProcess({
          BENCH_DATABASE_URL: engine.databaseUrl,
          BENCH_TEMPORAL_ADDRESS: engine.address,
          BENCH_TASK_QUEUE: taskQueue,
          BENCH_BUNDLE_FILE: input.bundleFile,
        }).then((child) => (children.push(child), child)),
      ),
    );
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;

    // The projects whose milestones are months away, loaded by the worker(s) of this run.
    const seedStarted = performance.now();
    const quiet = await insertLiveProjects(db, { count: input.live - input.misses, repIds: input.repIds });
    await startLifecycles(client, taskQueue, quiet);
    await waitUntilLoaded(client, quiet);
    const perProjectMs = (performance.now() - seedStarted) / Math.max(1, quiet.length);

    // The burst: one milestone of each falls due at the same instant, once they are all loaded
    // (1.5 × the time the quiet ones took per project, and 6 s).
    const dueAt = Date.now() + Math.ceil(1.5 * perProjectMs * input.misses) + 6_000;
    const burst = await insertLiveProjects(db, { count: input.misses, repIds: input.repIds, dueOf: (_, m) => (m === BURST_MILESTONE ? new Date(dueAt) : undefined) });
    await startLifecycles(client, taskQueue, burst);
    // With two workers, tasks are not taken strictly in order: wait for every burst project.
    await inParallel(burst, 8, (id) => waitUntilLoaded(client, [id]));
    const lateMs = Math.max(0, Date.now() - dueAt);
    progress(`${label}: ${count(input.live)} projects seeded in ${ms(performance.now() - seedStarted)}; ${lateMs > 0 ? `the burst was due ${ms(lateMs)} before they were loaded` : `the burst falls due in ${ms(dueAt - Date.now())}`}`);

    const escalationsOfBurst = () =>
      sql<{ lag: number; at: number }>`
        select extract(epoch from (e.created_at - m.due_at)) * 1000 as lag, extract(epoch from e.created_at) * 1000 as at
        from escalations e join milestones m on m.id = e.milestone_id
        where m.project_id = any(${burst}::uuid[])`.execute(db);
    const deadline = dueAt + WAIT_MS;
    let rows = (await escalationsOfBurst()).rows;
    while (rows.length < input.misses && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      rows = (await escalationsOfBurst()).rows;
    }
    const missing = input.misses - rows.length;
    // A miss that never escalated within the wait counts as the wait itself.
    const lags = [...rows.map((r) => Number(r.lag)), ...Array.from({ length: Math.max(0, missing) }, () => Date.now() - dueAt)];
    const lastAt = missing > 0 ? Date.now() : Math.max(...rows.map((r) => Number(r.at)));
    const burstMs = Math.max(1, lastAt - dueAt);
    progress(`${label}: ${rows.length} of ${count(input.misses)} escalated, ${perSecondOf(rows.length, burstMs)} /s, p50 ${ms(quantile(lags, 0.5))}, p99 ${ms(quantile(lags, 0.99))}`);
    return { workers: input.workers, escalated: rows.length, burstMs, lags, missing, lateMs };
  } finally {
    await Promise.all(children.map((child) => stopWorkerProcess(child)));
  }
}

const perSecondOf = (escalated: number, burstMs: number) => (escalated / (burstMs / 1000)).toFixed(1);

/** The runs with `workers` workers as one: escalations over the summed bursts, lags together. */
function pooled(runs: readonly ScalingRun[], workers: number) {
  const mine = runs.filter((r) => r.workers === workers);
  const sum = (of: (r: ScalingRun) => number) => mine.reduce((total, r) => total + of(r), 0);
  const lags = mine.flatMap((r) => r.lags);
  const missing = sum((r) => r.missing);
  const lateMs = Math.max(...mine.map((r) => r.lateMs));
  return {
    perSecond: sum((r) => r.escalated) / (sum((r) => r.burstMs) / 1000),
    p99: quantile(lags, 0.99),
    complete: missing === 0 && lateMs === 0,
    throughput: `${perSecondOf(sum((r) => r.escalated), sum((r) => r.burstMs))} escalations/s (runs: ${mine.map((r) => perSecondOf(r.escalated, r.burstMs)).join(', ')})${described(missing, lateMs)}`,
    lag: `p50 ${ms(quantile(lags, 0.5))}, p99 ${ms(quantile(lags, 0.99))} (runs' p99: ${mine.map((r) => ms(quantile(r.lags, 0.99))).join(', ')})${described(missing, lateMs)}`,
  };
}

const described = (missing: number, lateMs: number) =>
  `${missing > 0 ? `, ${missing} never escalated` : ''}${lateMs > 0 ? `, a burst loaded ${ms(lateMs)} after it was due` : ''}`;

export const bench: Bench = async ({ large }) => {
  const live = large ? 2_000 : 150;
  const misses = large ? 400 : 60;
  progress(`worker scaling: ${count(live)} live projects, ${count(misses)} misses due at once, in runs of 1, 2, 2 and 1 worker processes; starting the engine…`);
  const engine = await startBenchEngine();
  const bundleFile = await writeBundleFile(engine.bundle.code);
  try {
    const repIds = await seedSalesTeam(engine.db);
    progress('worker scaling: a warm-up burst, not counted');
    await runWith(engine, { workers: 1, live: misses, misses, repIds, bundleFile: bundleFile.file });
    const runs: ScalingRun[] = [];
    for (const workers of ORDER) runs.push(await runWith(engine, { workers, live, misses, repIds, bundleFile: bundleFile.file }));
    const [one, two] = [pooled(runs, 1), pooled(runs, 2)];
    const setting =
      `${count(misses)} misses falling due at the same instant among ${count(live)} live projects × 12 milestones, runs of 1, 2, 2, 1 workers after a warm-up, pooled; ` +
      'each worker in its own process (default sizing) polling one task queue on the same Temporal dev server and PostgreSQL';
    const throughputRatio = two.perSecond / one.perSecond;
    const lagRatio = one.p99 / two.p99;
    return [
      {
        what: `escalations per second, 2 workers vs 1: ${setting}`,
        milepost: `2 workers: ${two.throughput}`,
        peer: `1 worker, same script: ${one.throughput}`,
        ratio: throughputRatio,
        target: '≥ 1.0× (more workers never slow it down); on 2 cores a second worker shares the same CPUs, so > 1.5× is not expected',
        met: throughputRatio >= 1 && one.complete && two.complete,
      },
      {
        what: `due → escalation p99, 2 workers vs 1: ${setting}`,
        milepost: `2 workers: ${two.lag}`,
        peer: `1 worker, same script: ${one.lag}`,
        ratio: lagRatio,
        target: '≥ 1.0×',
        met: lagRatio >= 1 && one.complete && two.complete,
      },
    ] satisfies BenchRow[];
  } finally {
    await engine.stop();
    await bundleFile.remove();
  }
};

await runAlone(import.meta.url, bench);
