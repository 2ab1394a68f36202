/**
 * How much a worker keeps and does at once (README, "Worker sizing"). Memory grows with the
 * cache, not with the number of live projects: a project out of the cache is replayed from its
 * history when its next timer fires, which costs a little time and no memory.
 */
export interface WorkerSizing {
  /** Workflows kept in memory between tasks (sticky cache); each costs a few hundred KB. */
  maxCachedWorkflows: number;
  /** Workflow tasks run at once; at most the cache size. */
  maxConcurrentWorkflowTaskExecutions: number;
  /** Activities run at once: each holds a database connection while it queries. */
  maxConcurrentActivityTaskExecutions: number;
  /** How long a task waits for the worker that has the workflow cached before any worker takes it. */
  stickyQueueScheduleToStartTimeoutMs: number;
}

/** Sized from the benchmarks in test/bench (README, "Performance"), for a 2-core machine. */
export const defaultWorkerSizing: WorkerSizing = {
  maxCachedWorkflows: 1000,
  maxConcurrentWorkflowTaskExecutions: 10,
  maxConcurrentActivityTaskExecutions: 20,
  stickyQueueScheduleToStartTimeoutMs: 5_000,
};
