// Benchmark: worker memory per cached project, and that it stays bounded by the cache. A worker
// runs alone in its own process (RSS after a full GC, the median of three samples) while live
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

async function rssOf(child: ChildProcess): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    samples.push(
      await new Promise<number>((resolve) => {
        child.once('message', (m) => resolve((m as { rss: number }).rss));
        child.send('memory');
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return quantile(samples, 0.5);
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
    const idle = await rssOf(child);
    const steps: { live: number; rss: number }[] = [];
    for (const total of [cache / 2, cache, 2 * cache, 4 * cache]) {
      await addUpTo(total);
      steps.push({ live: total, rss: await rssOf(child) });
      progress(`worker memory: ${count(total)} live projects: RSS ${(steps.at(-1)!.rss / MB).toFixed(0)} MB (idle ${(idle / MB).toFixed(0)} MB)`);
    }
    const atCache = steps.find((s) => s.live === cache)!.rss;
    const atMost = steps.at(-1)!.rss;
    const perProjectMb = (atCache - idle) / (cache - 5) / MB;
    const bounded = atMost <= atCache * 1.1;
    const row: BenchRow = {
      what: `worker memory per cached project (a worker alone in its own process, RSS after a full GC), cache of ${count(cache)}, projects in execution with 12 milestone timers`,
      milepost:
        `${perProjectMb.toFixed(2)} MB per project; RSS idle ${(idle / MB).toFixed(0)} MB, ` +
        steps.map((s) => `${count(s.live)} live ${(s.rss / MB).toFixed(0)} MB`).join(', ') +
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
