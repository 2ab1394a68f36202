// Milepost workers in processes of their own (engine/worker-process.ts), started and stopped by
// the benchmarks that need a worker apart from the process that measures: worker memory (its RSS
// alone) and worker scaling (two workers on one task queue).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workflow bundle's code in a file of a temporary folder, for BENCH_BUNDLE_FILE; `remove` deletes the folder. */
export async function writeBundleFile(code: string): Promise<{ file: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'milepost-bench-bundle-'));
  const file = path.join(dir, 'workflows.js');
  await writeFile(file, code);
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Forks a worker with `env` over this process's environment (BENCH_DATABASE_URL,
 * BENCH_TEMPORAL_ADDRESS, BENCH_TASK_QUEUE, BENCH_BUNDLE_FILE and any WORKER_* sizing);
 * resolves once it polls its task queue.
 */
export function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = fork(fileURLToPath(new URL('./worker-process.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => (message === 'ready' ? resolve(child) : reject(new Error(`The worker process said ${String(message)}.`))));
    child.once('exit', (code) => reject(new Error(`The worker process exited (${code}) before it was ready.`)));
  });
}

/** Asks a worker process to stop (it finishes or hands back its tasks) and waits until it has exited. */
export async function stopWorkerProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('stop');
  await exited;
}
