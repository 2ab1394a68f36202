import { AsyncLocalStorage } from 'node:async_hooks';
import { defaultPayloadConverter } from '@temporalio/common';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { Headers } from '@temporalio/common';
import { REQUEST_ID_HEADER } from '../workflows/domain/request-id-header';

/** The id of the HTTP request this code runs for, if any; set around each request by `observeRequests`. */
export const currentRequest = new AsyncLocalStorage<{ requestId: string }>();

const requestId = () => currentRequest.getStore()?.requestId;

const withHeader = <I extends { headers: Headers }>(input: I): I => {
  const id = requestId();
  return id === undefined ? input : { ...input, headers: { ...input.headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(id) } };
};

const withMemoAndHeader = <I extends { headers: Headers; options: { memo?: Record<string, unknown> | undefined } }>(input: I): I => {
  const id = requestId();
  return id === undefined ? input : withHeader({ ...input, options: { ...input.options, memo: { ...input.options.memo, requestId: id } } });
};

/**
 * Puts the id of the request that started a workflow into its memo (`requestId`), so the Temporal
 * UI and `describe()` lead from a workflow back to the request's log lines; and sends it as a
 * header with every start, signal and update, which the workflow interceptors
 * (workflows/request-id-interceptors.ts) pass on to the activities that follow, whose log lines
 * then carry it (activities/runtime/activity-request-id.ts).
 */
export const requestIdMemo: WorkflowClientInterceptor = {
  start: (input, next) => next(withMemoAndHeader(input)),
  startWithDetails: (input, next) => next(withMemoAndHeader(input)),
  signalWithStart: (input, next) => next(withMemoAndHeader(input)),
  signal: (input, next) => next(withHeader(input)),
  startUpdate: (input, next) => next(withHeader(input)),
};
