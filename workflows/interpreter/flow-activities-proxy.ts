import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';

/** Effects of flow steps; retried on transient failures, business failures are non-retryable. */
export const flowActs = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 20 },
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
