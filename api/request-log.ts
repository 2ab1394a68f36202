import { randomUUID } from 'node:crypto';
import { routePath } from 'hono/route';
import { createMiddleware } from 'hono/factory';
import type { Logger } from '../activities/runtime/logger';
import { clientAddress, type TrustProxy } from './client-address';
import type { HttpMetrics } from './http-metrics';
import { currentRequest } from './request-id-memo';

declare module 'hono' {
  interface ContextVariableMap {
    /** This request's id: the client's `X-Request-Id` when it is a sensible one, else a new UUID. */
    requestId: string;
    /** The logger for this request; every line it writes carries the request id. */
    log: Logger;
  }
}

/** What an incoming `X-Request-Id` may be: what proxies and tracers send (UUIDs, hex, base64ish), never a whole log line. */
const acceptableRequestId = /^[\w.:+/=-]{1,128}$/;

export function requestIdOf(header: string | undefined): string {
  const sent = header?.trim();
  return sent !== undefined && acceptableRequestId.test(sent) ? sent : randomUUID();
}

/**
 * Gives each request its id (echoed as `X-Request-Id`) and a logger carrying it, then writes one
 * JSON line when the answer is ready and counts it in `metrics`. The route is the pattern that
 * answered (`/api/projects/:id`), so logs group and metrics stay bounded.
 */
export function observeRequests({ log, metrics, trustProxy }: { log: Logger; metrics?: HttpMetrics | undefined; trustProxy?: TrustProxy | undefined }) {
  return createMiddleware(async (c, next) => {
    const started = performance.now();
    const requestId = requestIdOf(c.req.header('x-request-id'));
    c.set('requestId', requestId);
    c.set('log', log.child({ requestId }));
    c.header('X-Request-Id', requestId);
    await currentRequest.run({ requestId }, next);
    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    const route = routePath(c);
    const status = c.res.status;
    metrics?.observe({ method: c.req.method, route, status, seconds: durationMs / 1000 });
    const line = { method: c.req.method, route, status, durationMs, requestId, client: clientAddress(c, trustProxy) ?? null };
    if (status >= 500) log.warn(line, 'request');
    else log.info(line, 'request');
  });
}
