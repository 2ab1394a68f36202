import { fileURLToPath } from 'node:url';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode, type LogLevel, type WorkflowBundle, type WorkflowBundleOption } from '@temporalio/worker';
import type { Db } from '../../db/connect';
import type { Logger } from './logger';
import { TASK_QUEUE } from '../../workflows/task-queue';
import { createActivities } from '../index';
import type { Clock } from '../clock';
import type { AddressAllowList } from '../flow/address-guard';
import type { DecisionLinkConfig } from '../flow/decision-links';
import type { Mailer } from '../flow/mailer';
import { ActivityActorInterceptor } from './activity-actor';
import { defaultWorkerSizing, type WorkerSizing } from './worker-sizing';
import { activityRequestId } from './activity-request-id';

export const workflowsPath = fileURLToPath(new URL('../../workflows/index.ts', import.meta.url));
/** Bundled with the workflows: carries the request id on to activities (see api/request-id-memo.ts). */
export const workflowInterceptorsPath = fileURLToPath(new URL('../../workflows/request-id-interceptors.ts', import.meta.url));

/**
 * Loaded once per worker thread and shared, frozen, by every workflow it runs, instead of once per
 * cached workflow (the SDK's `preloadModules`): the libraries in workflows/shared-libraries.ts.
 */
export const sharedWorkflowModules = [fileURLToPath(new URL('../../workflows/shared-libraries.ts', import.meta.url))];

/** Bundles the workflow code once; workers started from the same bundle skip webpack. */
export async function bundleWorkflows(): Promise<WorkflowBundle> {
  return bundleWorkflowCode({ workflowsPath, workflowInterceptorModules: [workflowInterceptorsPath], preloadModules: sharedWorkflowModules, logger: quietBundlerLogger });
}

/** How the Temporal SDK's log levels map onto the JSON log's. */
const jsonLevels = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const satisfies Record<LogLevel, string>;

/**
 * Sets up the Temporal SDK's runtime for this process. Call before the first worker starts; the
 * SDK's runtime is created once per process. Shutdown signals stay with our own start script.
 * - `log`: the SDK's and activities' log lines go to this JSON logger (else to stderr as text).
 * - `metricsAddress` (`host:port`): the SDK serves Prometheus metrics there at `/metrics`
 *   (workflow and activity task latency, schedule-to-start, sticky cache, pollers).
 */
export function configureTemporalRuntime(logLevel: LogLevel = 'WARN', { log, metricsAddress }: { log?: Logger | undefined; metricsAddress?: string | undefined } = {}): void {
  const logger = log
    ? new DefaultLogger(logLevel, ({ level, message, meta }) => log[jsonLevels[level]]({ temporal: true, ...meta }, message))
    : new DefaultLogger(logLevel);
  Runtime.install({
    logger,
    shutdownSignals: [],
    ...(metricsAddress ? { telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } } } : {}),
  });
}

export interface MilepostWorkerOptions {
  /** Where Temporal listens; ignored when `connection` is given. */
  address?: string;
  /** An open connection (with the deployment's TLS and credentials); the worker closes it when it stops. */
  connection?: NativeConnection;
  namespace: string;
  db: Db;
  clock?: Clock;
  mailer?: Mailer | undefined;
  /** Secret and public address the worker signs e-mailed decision links with. */
  decisionLinks?: DecisionLinkConfig | undefined;
  /** Non-public hosts and networks webhook steps may reach anyway (MILEPOST_WEBHOOK_ALLOW); none by default. */
  webhookAllow?: AddressAllowList | undefined;
  /** MILEPOST_CHANNEL_KEY; none = derived from the decision links' secret. */
  channelKey?: string | undefined;
  taskQueue?: string;
  /** Prebuilt workflow code (`npm run build`), or it is bundled here at start. */
  workflowBundle?: WorkflowBundleOption;
  /** How long in-flight activities may run on after a stop before they are cancelled and handed back. */
  shutdownGraceMs?: number;
  /** Activities registered beside Milepost's, for workflows a bundle adds (the benchmarks' peer workflow). */
  extraActivities?: Record<string, (...args: never[]) => Promise<unknown>> | undefined;
  /** Cache and concurrency; `defaultWorkerSizing` where not given. */
  sizing?: Partial<WorkerSizing> | undefined;
}

export interface RunningWorker {
  /** Finishes in-flight tasks, stops polling and closes the connection. */
  stop(): Promise<void>;
}

/** Starts a worker polling Milepost's task queue with the real activities wired to `db`. */
export async function startWorker(options: MilepostWorkerOptions): Promise<RunningWorker> {
  const connection = options.connection ?? (await NativeConnection.connect({ address: options.address }));
  const sizing = { ...defaultWorkerSizing, ...options.sizing };
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? TASK_QUEUE,
    activities: {
      ...options.extraActivities,
      ...createActivities({
        db: options.db,
        decisionLinks: options.decisionLinks,
        webhookAllow: options.webhookAllow,
        channelKey: options.channelKey,
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.mailer ? { mailer: options.mailer } : {}),
      }),
    },
    workflowBundle: options.workflowBundle ?? (await bundleWorkflows()),
    ...(options.shutdownGraceMs !== undefined ? { shutdownGraceTime: options.shutdownGraceMs } : {}),
    interceptors: { activity: [(context) => ({ inbound: new ActivityActorInterceptor(context) }), activityRequestId] },
    maxCachedWorkflows: sizing.maxCachedWorkflows,
    // The SDK refuses more workflow tasks at once than cached workflows.
    maxConcurrentWorkflowTaskExecutions: Math.min(sizing.maxConcurrentWorkflowTaskExecutions, Math.max(2, sizing.maxCachedWorkflows)),
    maxConcurrentActivityTaskExecutions: sizing.maxConcurrentActivityTaskExecutions,
    stickyQueueScheduleToStartTimeout: sizing.stickyQueueScheduleToStartTimeoutMs,
  });
  const running = worker.run();
  return {
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      try {
        await running;
      } finally {
        await connection.close();
      }
    },
  };
}

const quietBundlerLogger = {
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
  log: () => {},
};
