import { defaultPayloadConverter } from '@temporalio/common';
import type { ActivityInterceptors } from '@temporalio/worker';
import { REQUEST_ID_HEADER } from '../../workflows/domain/request-id-header';

/** An activity's log lines name the HTTP request behind it (`requestId`), when its workflow was told one. */
export const activityRequestId = (): ActivityInterceptors => {
  let requestId: string | undefined;
  return {
    inbound: {
      execute: (input, next) => {
        const payload = input.headers[REQUEST_ID_HEADER];
        if (payload) requestId = defaultPayloadConverter.fromPayload<string>(payload);
        return next(input);
      },
    },
    outbound: {
      getLogAttributes: (attributes, next) => next(requestId === undefined ? attributes : { ...attributes, requestId }),
    },
  };
};
