// A Milepost worker alone in its own process, sized by the WORKER_* settings as `npm start` sizes
// it: for measuring its memory (it answers "memory" messages over IPC with its RSS and the live heap
// of all its threads after a full garbage collection in each) and for running several workers on one task queue. Started through
// worker-processes.ts with --expose-gc; not meant to be run by hand.
import { readFile } from 'node:fs/promises';
import { configureTemporalRuntime, startWorker } from '../../../activities/runtime/worker';
import { loadConfig } from '../../../api/config';
import { createDb } from '../../../db/connect';
import { watchThreadHeaps } from './heap-of-all-threads';
import { peerActivities } from './peer-activities';

const need = (name: string) => process.env[name] ?? (() => { throw new Error(`${name} is not set.`); })();

configureTemporalRuntime('ERROR');
const db = createDb(need('BENCH_DATABASE_URL'));
const worker = await startWorker({
  address: need('BENCH_TEMPORAL_ADDRESS'),
  namespace: 'default',
  db,
  taskQueue: need('BENCH_TASK_QUEUE'),
  workflowBundle: { code: await readFile(need('BENCH_BUNDLE_FILE'), 'utf8') },
  extraActivities: peerActivities,
  sizing: loadConfig(process.env).workerSizing,
});

const heaps = await watchThreadHeaps();
process.on('message', (message) => {
  if (message === 'memory') {
    // Every thread's heap collected first (the workflows run in worker threads), then measured.
    void heaps.measure().then((heap) => process.send?.({ rss: process.memoryUsage().rss, heapUsed: heap.used, threads: heap.threads }));
  } else if (message === 'stop') {
    void worker.stop().then(() => db.destroy()).then(() => process.exit(0));
  }
});
process.send?.('ready');
