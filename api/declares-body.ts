import type { Context } from 'hono';

/**
 * Whether a request says it carries a body: what Content-Length says; without it, one comes
 * chunked or with a declared type. Middleware that only matters for a body skips the rest, so a
 * GET never makes @hono/node-server build a full Request just to find there is nothing to read.
 */
export function declaresBody(c: Context): boolean {
  const length = c.req.header('content-length');
  return length !== undefined ? Number(length) > 0 : c.req.header('transfer-encoding') !== undefined || c.req.header('content-type') !== undefined;
}
