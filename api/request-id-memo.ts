import { AsyncLocalStorage } from 'node:async_hooks';
import type { WorkflowClientInterceptor } from '@temporalio/client';

/** The id of the HTTP request this code runs for, if any; set around each request by `observeRequests`. */
export const currentRequest = new AsyncLocalStorage<{ requestId: string }>();

const withRequestId = <I extends { options: { memo?: Record<string, unknown> | undefined } }>(input: I): I => {
  const requestId = currentRequest.getStore()?.requestId;
  return requestId === undefined ? input : { ...input, options: { ...input.options, memo: { ...input.options.memo, requestId } } };
};

/**
 * Puts the id of the request that started a workflow into its memo (`requestId`), so the Temporal
 * UI and `describe()` lead from a workflow back to the request's log lines. Only starts: signals
 * and updates have no memo, and carrying the id further, into activities, would take workflow
 * interceptors.
 */
export const requestIdMemo: WorkflowClientInterceptor = {
  start: (input, next) => next(withRequestId(input)),
  startWithDetails: (input, next) => next(withRequestId(input)),
  signalWithStart: (input, next) => next(withRequestId(input)),
};
