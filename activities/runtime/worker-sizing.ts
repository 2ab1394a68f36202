/**
 * How much a worker keeps and does at once (README, "Worker sizing"). A project out of the cache
 * is replayed from its history when its next timer fires: a little time instead of memory.
 */
export interface WorkerSizing {
  /** Workflows kept in memory between tasks (sticky cache); a project in execution measured about 0.9 MB of heap. */
  maxCachedWorkflows: number;
  /** Workflow tasks run at once; at most the cache size. */
  maxConcurrentWorkflowTaskExecutions: number;
  /** Activities run at once: each holds a database connection while it queries, and the pool has 10. */
  maxConcurrentActivityTaskExecutions: number;
  /** How long a task waits for the worker that has the workflow cached before any worker takes it. */
  stickyQueueScheduleToStartTimeoutMs: number;
}

/**
 * Sized from the benchmarks in test/bench (README, "Performance") on a 2-core machine: a cache of
 * 250 keeps the cached projects near 600 MB; more activities at once than pooled connections only wait.
 */
export const defaultWorkerSizing: WorkerSizing = {
  maxCachedWorkflows: 250,
  maxConcurrentWorkflowTaskExecutions: 10,
  maxConcurrentActivityTaskExecutions: 10,
  stickyQueueScheduleToStartTimeoutMs: 5_000,
};
