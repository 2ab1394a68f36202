import { smtpMailer } from '../../activities/flow/mailer';
import { connectTemporalWorker } from '../../activities/runtime/temporal-connect';
import { configureTemporalRuntime, startWorker } from '../../activities/runtime/worker';
import { prebuiltWorkflowBundle } from './built-files';
import type { RoleParts } from './role-parts';

/** The Temporal worker: runs the workflows and activities of Milepost's task queue. */
export async function startWorkerRole(input: RoleParts): Promise<void> {
  const { config, address, db, decisionLinks, logger, stops, say } = input;
  configureTemporalRuntime('WARN', { log: logger.child({ part: 'worker' }), metricsAddress: config.WORKER_METRICS_ADDRESS });
  if (config.WORKER_METRICS_ADDRESS) say(`worker metrics for Prometheus on http://${config.WORKER_METRICS_ADDRESS}/metrics (WORKER_METRICS_ADDRESS)`);
  const connection = await connectTemporalWorker(address, config.temporalAccess, { limitMs: config.MILEPOST_STARTUP_WAIT_SECONDS * 1000, log: say });
  const mailer = config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM) : undefined;
  const workflowBundle = prebuiltWorkflowBundle();
  const worker = await startWorker({
    connection,
    namespace: config.temporalAccess.namespace,
    db,
    mailer,
    decisionLinks,
    webhookAllow: config.MILEPOST_WEBHOOK_ALLOW,
    channelKey: config.MILEPOST_CHANNEL_KEY,
    taskQueue: config.MILEPOST_TASK_QUEUE,
    ...(workflowBundle ? { workflowBundle } : {}),
    // Half the stop's time for activities under way; what is still running then is handed back to Temporal.
    shutdownGraceMs: (config.MILEPOST_SHUTDOWN_SECONDS * 1000) / 2,
    sizing: config.workerSizing,
  });
  stops.add('worker', worker.stop);
  say(`worker polling task queue "${config.MILEPOST_TASK_QUEUE}" (${workflowBundle ? 'prebuilt workflow bundle' : 'workflow code bundled at start'})`);
  const sizing = config.workerSizing;
  say(
    `worker sizing: ${sizing.maxCachedWorkflows} cached workflows, ${sizing.maxConcurrentWorkflowTaskExecutions} workflow tasks and ${sizing.maxConcurrentActivityTaskExecutions} activities at once, sticky timeout ${sizing.stickyQueueScheduleToStartTimeoutMs} ms`,
  );
  if (config.MILEPOST_WEBHOOK_ALLOW.entries.length > 0) say(`webhooks may also reach ${config.MILEPOST_WEBHOOK_ALLOW.entries.join(', ')} (MILEPOST_WEBHOOK_ALLOW)`);
}
