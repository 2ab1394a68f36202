// Benchmark: do more workers help? The same set of live projects in execution (twelve milestones
// each) with a burst of misses falling due at the same instant, run twice on one Temporal dev
// server and one PostgreSQL: once with 1 worker process, once with 2 worker processes polling the
// same task queue (each run has a task queue, projects and workers of its own). Every miss
// escalates through the default "milestone missed" flow, whose first step writes the escalation
// row. Measured per run: escalations per second over the burst (misses ÷ the time from the due
// instant to the last escalation row) and due → escalation row, p50 and p99. The peer of the
// 2-worker figures is the 1-worker run, in the same script.
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

interface ScalingRun {
  workers: number;
  /** Escalations per second from the due instant to the last escalation row. */
  perSecond: number;
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
    // (1.5 × the time the quiet ones took per project, and 10 s).
    const dueAt = Date.now() + Math.ceil(1.5 * perProjectMs * input.misses) + 10_000;
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
    const perSecond = rows.length / Math.max(0.001, (lastAt - dueAt) / 1000);
    progress(`${label}: ${rows.length} of ${count(input.misses)} escalated, ${perSecond.toFixed(1)} /s, p50 ${ms(quantile(lags, 0.5))}, p99 ${ms(quantile(lags, 0.99))}`);
    return { workers: input.workers, perSecond, lags, missing, lateMs };
  } finally {
    await Promise.all(children.map((child) => stopWorkerProcess(child)));
  }
}

const described = (run: ScalingRun) =>
  `${run.missing > 0 ? `, ${run.missing} never escalated` : ''}${run.lateMs > 0 ? `, burst loaded ${ms(run.lateMs)} after it was due` : ''}`;

export const bench: Bench = async ({ large }) => {
  const live = large ? 2_000 : 150;
  const misses = large ? 400 : 60;
  progress(`worker scaling: ${count(live)} live projects, ${count(misses)} misses due at once, with 1 then 2 worker processes; starting the engine…`);
  const engine = await startBenchEngine();
  const bundleFile = await writeBundleFile(engine.bundle.code);
  try {
    const repIds = await seedSalesTeam(engine.db);
    const one = await runWith(engine, { workers: 1, live, misses, repIds, bundleFile: bundleFile.file });
    const two = await runWith(engine, { workers: 2, live, misses, repIds, bundleFile: bundleFile.file });
    const setting =
      `${count(misses)} misses falling due at the same instant among ${count(live)} live projects × 12 milestones; ` +
      'each worker in its own process (default sizing) polling one task queue on the same Temporal dev server and PostgreSQL';
    const complete = one.missing === 0 && two.missing === 0 && one.lateMs === 0 && two.lateMs === 0;
    const throughputRatio = two.perSecond / one.perSecond;
    const [p99One, p99Two] = [quantile(one.lags, 0.99), quantile(two.lags, 0.99)];
    const lagRatio = p99One / p99Two;
    const figures = (run: ScalingRun) => `p50 ${ms(quantile(run.lags, 0.5))}, p99 ${ms(quantile(run.lags, 0.99))}${described(run)}`;
    return [
      {
        what: `escalations per second, 2 workers vs 1: ${setting}`,
        milepost: `2 workers: ${two.perSecond.toFixed(1)} escalations/s${described(two)}`,
        peer: `1 worker, same script: ${one.perSecond.toFixed(1)} escalations/s${described(one)}`,
        ratio: throughputRatio,
        target: '≥ 1.0× (more workers never slow it down); on 2 cores a second worker shares the same CPUs, so > 1.5× is not expected',
        met: throughputRatio >= 1 && complete,
      },
      {
        what: `due → escalation p99, 2 workers vs 1: ${setting}`,
        milepost: `2 workers: ${figures(two)}`,
        peer: `1 worker, same script: ${figures(one)}`,
        ratio: lagRatio,
        target: '≥ 1.0×',
        met: lagRatio >= 1 && complete,
      },
    ] satisfies BenchRow[];
  } finally {
    await engine.stop();
    await bundleFile.remove();
  }
};

await runAlone(import.meta.url, bench);
