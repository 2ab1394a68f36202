import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { Channel } from '../flow/channel';
import type { FlowEffects } from './flow-env';

const effectRetry = { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 20 } as const;

/** Effects of flow steps; retried on transient failures, business failures are non-retryable. */
export const flowActs = proxyActivities<Activities>({ startToCloseTimeout: '1 minute', retry: effectRetry });

/**
 * The same effects as local activities: run inside the workflow task that asks for them, their
 * results recorded as markers, instead of each being scheduled through the server and answered in
 * a workflow task of its own. Same retries; past 10 s between attempts (the database down) the wait
 * is a durable timer, so the task is let go meanwhile. Each effect is idempotent by the run and
 * step it names, so a task that fails and runs one again is safe.
 */
export const flowInTaskActs = proxyLocalActivities<Activities>({ startToCloseTimeout: '1 minute', retry: effectRetry, localRetryThreshold: '10 seconds' });

const staysInApp = (spec: { channel: Channel }) => spec.channel === 'inbox';

/**
 * The flow's effects for runs started since 'flow-effects-in-task' (temporal-env.ts): those that
 * only read and write the database run inside the workflow task. A message does too when it stays
 * in the app (the inbox channel); one that goes out by e-mail or webhook is a scheduled activity,
 * so a slow mail server or receiver never holds the task. Chat copies are sent apart, by
 * deliverChat, scheduled (chatActs) when the step queued any (temporal-env.ts).
 */
export const flowEffectsInTask: FlowEffects = {
  registerRun: flowInTaskActs.registerRun,
  finishRun: flowInTaskActs.finishRun,
  resolvePeople: flowInTaskActs.resolvePeople,
  recordDecision: flowInTaskActs.recordDecision,
  closeRequests: flowInTaskActs.closeRequests,
  moveRequests: flowInTaskActs.moveRequests,
  escalate: flowInTaskActs.escalate,
  deadline: flowInTaskActs.deadline,
  setProjectHealth: flowInTaskActs.setProjectHealth,
  createTask: flowInTaskActs.createTask,
  notify: (input) => (staysInApp(input.spec) ? flowInTaskActs : flowActs).notify(input),
  openRequests: (input) => (staysInApp(input.spec) ? flowInTaskActs : flowActs).openRequests(input),
};

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
