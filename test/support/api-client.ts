import type { RouteConfig } from '@hono/zod-openapi';
import { expect } from 'vitest';
import type { App } from '../../api/app';
import type { z } from 'zod';
import { createApiClient, type ApiResult, type SuccessBody } from '../../api/contract/client';
import { ErrorBody } from '../../api/contract/common';
import { admin, type Identity } from './identities';

/** The typed client over `app.request`, sending as `as` (default: the suite's admin; null: nobody). */
export function apiAs(app: App, as?: Identity | null) {
  const identity = as === undefined ? admin() : as;
  return createApiClient({ fetch: (url, init) => app.request(url, init), headers: identity ? { authorization: `Bearer ${identity.token}` } : {} });
}

/** The body of an answer that must have succeeded with `status`; otherwise the test fails showing what came back. */
export async function expectOk<R extends RouteConfig>(result: Promise<ApiResult<R>>, status: number): Promise<SuccessBody<R>> {
  const answer = await result;
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  if (!answer.ok) throw new Error('unreachable: the status check above failed');
  return answer.body;
}

/** The error of an answer that must have been refused with `status`; otherwise the test fails showing what came back. */
export async function expectRefused<R extends RouteConfig>(result: Promise<ApiResult<R>>, status: number): Promise<z.infer<typeof ErrorBody>['error']> {
  const answer = await result;
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return ErrorBody.parse(answer.body).error;
}
