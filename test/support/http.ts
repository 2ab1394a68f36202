import { expect } from 'vitest';
import type { App } from '../../api/app';
import { admin, type Identity } from './identities';

export interface JsonResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Sends a request as `as` (default: the suite's admin; null: nobody) and parses the JSON answer. */
export async function call<T = any>(app: App, method: string, path: string, body?: unknown, { as, headers = {} }: { as?: Identity | null; headers?: Record<string, string> } = {}): Promise<JsonResponse<T>> {
  const identity = as === undefined ? admin() : as;
  const response = await app.request(path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(identity ? { authorization: `Bearer ${identity.token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json') ?? false;
  return { status: response.status, body: text ? (isJson ? JSON.parse(text) : text) : undefined, headers: response.headers };
}

/** POSTs `body` to `path` and fails the test unless it was created (201); the answer's body. */
export async function created<T = any>(app: App, path: string, body: unknown, options: { as?: Identity | null } = {}): Promise<T> {
  const res = await call<T>(app, 'POST', path, body, options);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Polls until `check` stops throwing; real timers fire on the real engine, so tests wait for them. */
export async function eventually<T>(check: () => Promise<T>, { timeoutMs = 30_000, intervalMs = 200 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

/**
 * Waits until a moment the system itself keeps (a due time, a deadline) has passed by `marginMs`:
 * for tests about what does or does not happen once that moment is gone.
 */
export async function untilPassed(moment: string | number, marginMs = 250): Promise<void> {
  const at = (typeof moment === 'number' ? moment : Date.parse(moment)) + marginMs;
  await eventually(async () => expect(Date.now()).toBeGreaterThan(at), { timeoutMs: Math.max(0, at - Date.now()) + 5_000, intervalMs: 50 });
}
