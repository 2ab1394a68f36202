import type { z } from 'zod';
import { ApiError, send } from '../api/client';

/**
 * A JSON request whose answer is checked against `schema`. Every request goes through `send`: the
 * session cookie (same origin only), the CSRF token on writes, and back to sign-in on a 401.
 */
export async function requestJson<S extends z.ZodType>(
  schema: S,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<z.output<S>> {
  const response = await send(method, path, body, signal);
  if (response.status === 204) return schema.parse(undefined);
  return schema.parse(await response.json());
}

/** For deletes and other answers the page does not read. */
export async function requestVoid(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<void> {
  await send(method, path, body);
}

export const isNotFound = (error: unknown): boolean => error instanceof ApiError && error.status === 404;

/** `?a=1&b=2` from the given values, leaving out empty ones. */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
