import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { FlowEffects } from './flow-env';

/** Effects of flow steps; retried on transient failures, business failures are non-retryable. */
export const flowActs = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 20 },
});

const stepsInTask = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 20 },
  // As the milestone checks (../in-task-activities.ts): a longer wait between tries is a durable timer.
  localRetryThreshold: '10 seconds',
});

/** Effects run inside the workflow task that reaches them: each a short, idempotent write. */
const inTask = new Set<string | symbol>(['registerRun', 'escalate'] satisfies (keyof FlowEffects)[]);

/**
 * The effects of a run whose bookkeeping and escalate step run as local activities: a flow run for
 * a missed milestone writes its escalation in its first workflow task, instead of two activities
 * (registering the run, escalating) and the tasks that follow each. The other effects stay
 * scheduled: they deliver messages, or tests count them.
 */
export const flowEffectsInTask: FlowEffects = new Proxy(flowActs, {
  get: (scheduled, name) => (inTask.has(name) ? stepsInTask : scheduled)[name as keyof FlowEffects],
});

/** A webhook step's own retry budget and timeout, from its config. */
export function webhookActs(retries: number, timeoutSeconds: number) {
  return proxyActivities<Activities>({
    startToCloseTimeout: `${timeoutSeconds + 5} seconds`,
    retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumAttempts: retries + 1 },
  });
}

/**
 * Chat messages: retried with backoff (1 s, 2 s, 4 s … at most a minute apart) on passing failures;
 * each attempt sends only what no receiver has accepted yet. Two minutes per attempt leave room
 * for the channel's rate limit.
 */
export const chatActs = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 8 },
});
