import { defaultPayloadConverter, type WorkflowInterceptors } from '@temporalio/workflow';
import type { Headers } from '@temporalio/common';
import { REQUEST_ID_HEADER } from './domain/request-id-header';

/**
 * Carries the request id (see REQUEST_ID_HEADER) from the start, signal or update that reached the
 * workflow last to each activity and child workflow it schedules afterwards, and into the
 * workflow's own log lines. Headers change no command, so histories replay as before.
 * One instance per workflow run (the SDK calls `interceptors()` for each).
 */
export function interceptors(): WorkflowInterceptors {
  let requestId: string | undefined;
  const heard = (headers: Headers) => {
    const payload = headers[REQUEST_ID_HEADER];
    if (payload) requestId = defaultPayloadConverter.fromPayload<string>(payload);
  };
  const passOn = (headers: Headers): Headers => (requestId === undefined ? headers : { ...headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(requestId) });

  return {
    inbound: [
      {
        execute: (input, next) => {
          heard(input.headers);
          return next(input);
        },
        handleSignal: (input, next) => {
          heard(input.headers);
          return next(input);
        },
        handleUpdate: (input, next) => {
          heard(input.headers);
          return next(input);
        },
      },
    ],
    outbound: [
      {
        scheduleActivity: (input, next) => next({ ...input, headers: passOn(input.headers) }),
        scheduleLocalActivity: (input, next) => next({ ...input, headers: passOn(input.headers) }),
        startChildWorkflowExecution: (input, next) => next({ ...input, headers: passOn(input.headers) }),
        getLogAttributes: (input, next) => next(requestId === undefined ? input : { ...input, requestId }),
      },
    ],
  };
}
