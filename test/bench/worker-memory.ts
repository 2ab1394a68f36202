// Benchmark: worker memory per cached project, and that it stays bounded by the cache. A worker
// runs alone in its own process (the live heap of all its threads after a full GC in each, and its
// RSS, the median of three samples) while live
// projects in execution (twelve milestone timers each) are added: none, half the cache, the
// cache, then four times the cache. Past the cache, the worker evicts and memory stays flat.
// Run alone: npx tsx test/bench/worker-memory.ts [--large]
import type { ChildProcess } from 'node:child_process';
import type { Bench, BenchRow } from './bench-table';
import { startBenchEngine } from './engine/bench-engine';
import { count, progress, quantile, runAlone } from './engine/figures';
import { insertLiveProjects, seedSalesTeam, startLifecycles, waitUntilLoaded } from './engine/live-projects';
import { startWorkerProcess, stopWorkerProcess, writeBundleFile } from './engine/worker-processes';

const MB = 1024 * 1024;
const BUDGET_MB = 1.5;

interface Memory {
  /** Resident set size of the process. */
  rss: number;
  /** Live heap of all its threads (the workflows run in worker threads), each collected first. */
  heap: number;
}

/** The median of three samples of each. */
async function memoryOf(child: ChildProcess): Promise<Memory> {
  const samples: Memory[] = [];
  for (let i = 0; i < 3; i++) {
    samples.push(
      await new Promise<Memory>((resolve) => {
        child.once('message', (m) => resolve({ rss: (m as { rss: number }).rss, heap: (m as { heapUsed: number }).heapUsed }));
        child.send('memory');
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { rss: quantile(samples.map((s) => s.rss), 0.5), heap: quantile(samples.map((s) => s.heap), 0.5) };
}

export const bench: Bench = async ({ large }) => {
  const cache = large ? 1000 : 100;
  progress(`worker memory: cache ${count(cache)}, up to ${count(4 * cache)} live projects; starting the engine…`);
  const engine = await startBenchEngine();
  const bundleFile = await writeBundleFile(engine.bundle.code);
  let child: ChildProcess | undefined;
  try {
    child = await startWorkerProcess({
      BENCH_DATABASE_URL: engine.databaseUrl,
      BENCH_TEMPORAL_ADDRESS: engine.address,
      BENCH_TASK_QUEUE: engine.taskQueue,
      BENCH_BUNDLE_FILE: bundleFile.file,
      WORKER_CACHED_WORKFLOWS: String(cache),
    });
    const reps = await seedSalesTeam(engine.db);
    // A few projects first, so the worker's one-time costs (the workflow context, connections) are in the idle figure.
    let live = 0;
    const addUpTo = async (total: number) => {
      const ids = await insertLiveProjects(engine.db, { count: total - live, repIds: reps });
      await startLifecycles(engine.client, engine.taskQueue, ids);
      await waitUntilLoaded(engine.client, ids);
      live = total;
    };
    await addUpTo(5);
    const idle = await memoryOf(child);
    const steps: ({ live: number } & Memory)[] = [];
    const mb = (bytes: number) => (bytes / MB).toFixed(0);
    for (const total of [cache / 2, cache, 2 * cache, 4 * cache]) {
      await addUpTo(total);
      steps.push({ live: total, ...(await memoryOf(child)) });
      progress(`worker memory: ${count(total)} live projects: heap ${mb(steps.at(-1)!.heap)} MB, RSS ${mb(steps.at(-1)!.rss)} MB (idle ${mb(idle.heap)} / ${mb(idle.rss)} MB)`);
    }
    // Per project: the live heap a cached project adds. Bounded: past the cache, neither the heap
    // nor the resident size grows by more than a tenth.
    const atCache = steps.find((s) => s.live === cache)!;
    const atMost = steps.at(-1)!;
    const perProjectMb = (atCache.heap - idle.heap) / (cache - 5) / MB;
    const rssPerProjectMb = (atCache.rss - idle.rss) / (cache - 5) / MB;
    const bounded = atMost.heap <= atCache.heap * 1.1 && atMost.rss <= atCache.rss * 1.1;
    const row: BenchRow = {
      what: `worker memory per cached project (a worker alone in its own process; live heap of all its threads after a full GC in each, and RSS), cache of ${count(cache)}, projects in execution with 12 milestone timers`,
      milepost:
        `${perProjectMb.toFixed(2)} MB of heap per project (RSS ${rssPerProjectMb.toFixed(2)} MB); heap / RSS idle ${mb(idle.heap)} / ${mb(idle.rss)} MB, ` +
        steps.map((s) => `${count(s.live)} live ${mb(s.heap)} / ${mb(s.rss)} MB`).join(', ') +
        ` (${bounded ? 'bounded' : 'not bounded'} past the cache)`,
      peer: `the budget: ${BUDGET_MB} MB per cached project, flat past the cache (≤ +10 % at 4× the cache)`,
      ratio: BUDGET_MB / Math.max(perProjectMb, 0.001),
      target: '≥ 1.0× (≤ 1.5 MB per project), bounded by the cache',
      met: perProjectMb <= BUDGET_MB && bounded,
    };
    return [row];
  } finally {
    await stopWorkerProcess(child);
    await engine.stop();
    await bundleFile.remove();
  }
};

await runAlone(import.meta.url, bench);
