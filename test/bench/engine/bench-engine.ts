// A real engine for the benchmarks, set up as `npm start` sets it up: a private PostgreSQL
// (migrated, default flows published and bound), a Temporal dev server, a Temporal client and
// workers on a task queue of the benchmark's own, running Milepost's workflows and the peer's.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import { findTemporalCli } from '../../../activities/runtime/temporal-cli';
import { startTemporalDevServer } from '../../../activities/runtime/temporal-dev-server';
import { configureTemporalRuntime, startWorker, workflowInterceptorsPath, sharedWorkflowModules, type RunningWorker } from '../../../activities/runtime/worker';
import type { WorkerSizing } from '../../../activities/runtime/worker-sizing';
import type { Db } from '../../../db/connect';
import { seedDefaultFlows } from '../../../db/seed-default-flows';
import { startBenchDatabase } from '../bench-database';
import { peerActivities } from './peer-activities';

export interface BenchEngine {
  readonly db: Db;
  readonly databaseUrl: string;
  readonly address: string;
  readonly client: Client;
  readonly taskQueue: string;
  readonly bundle: WorkflowBundle;
  /** A worker in this process on the engine's task queue; stopped with the engine unless stopped before. */
  startWorker(sizing?: Partial<WorkerSizing>): Promise<RunningWorker>;
  stop(): Promise<void>;
}

let runtimeConfigured = false;
let bundled: Promise<WorkflowBundle> | undefined;

/** Bundled once per process: webpack takes a while on two cores. */
export function benchBundle(): Promise<WorkflowBundle> {
  bundled ??= bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./peer-workflows.ts', import.meta.url)),
    workflowInterceptorModules: [workflowInterceptorsPath],
    preloadModules: sharedWorkflowModules,
    logger: { trace() {}, debug() {}, info() {}, warn: (m: string) => console.warn(m), error: (m: string) => console.error(m), log() {} },
  });
  return bundled;
}

export async function startBenchEngine(): Promise<BenchEngine> {
  if (!runtimeConfigured) configureTemporalRuntime('ERROR');
  runtimeConfigured = true;
  const [database, temporal, bundle] = await Promise.all([
    startBenchDatabase(),
    findTemporalCli({ explicitPath: process.env.TEMPORAL_CLI_PATH, buildIfMissing: false }).then((cliPath) => startTemporalDevServer({ cliPath, headless: true })),
    benchBundle(),
  ]);
  await seedDefaultFlows(database.db);
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection, namespace: 'default' });
  const taskQueue = `milepost-bench-${randomUUID().slice(0, 8)}`;
  const workers: RunningWorker[] = [];
  return {
    db: database.db,
    databaseUrl: database.url,
    address: temporal.address,
    client,
    taskQueue,
    bundle,
    async startWorker(sizing) {
      const worker = await startWorker({
        address: temporal.address,
        namespace: 'default',
        db: database.db,
        taskQueue,
        workflowBundle: bundle,
        extraActivities: peerActivities,
        sizing,
      });
      workers.push(worker);
      let stopped = false;
      return {
        async stop() {
          if (stopped) return;
          stopped = true;
          await worker.stop();
        },
      };
    },
    async stop() {
      for (const worker of workers) await worker.stop().catch(() => {});
      await connection.close();
      await temporal.stop();
      await database.stop();
    },
  };
}
