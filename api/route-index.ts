import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { declaresBody } from './declares-body';
import { ApiError, said } from './errors';

interface DocumentedPath {
  pattern: RegExp;
  /** Method (upper case) → the media types its request body may have; empty without a body. */
  methods: Map<string, string[]>;
}

/** The documented paths (OpenAPI templates such as `/api/flows/{id}`), read once from the app's OpenAPI registry. */
function documentedPaths(app: OpenAPIHono): DocumentedPath[] {
  const byTemplate = new Map<string, Map<string, string[]>>();
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const { path, method, request } = definition.route;
    const methods = byTemplate.get(path) ?? new Map<string, string[]>();
    const body = request?.body && 'content' in request.body ? request.body : undefined;
    methods.set(method.toUpperCase(), Object.keys(body?.content ?? {}));
    byTemplate.set(path, methods);
  }
  return [...byTemplate].map(([template, methods]) => ({
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^/}]+\}/g, '[^/]+')}/?$`),
    methods,
  }));
}

/** What the OpenAPI description says of each path: which methods it takes, and in which media types their bodies come. */
export function routeIndex(app: OpenAPIHono) {
  let documented: DocumentedPath[] | undefined;
  const at = (path: string) => (documented ??= documentedPaths(app)).filter((d) => d.pattern.test(path));
  return {
    /**
     * The answer to an `/api/...` request no route took: `405` with `Allow` for a documented path
     * and another method, else `404`; both JSON, never the web page.
     */
    unknownRoute: (c: Context): never => {
      const allowed = new Set(at(c.req.path).flatMap((d) => [...d.methods.keys()]));
      if (allowed.size === 0) throw new ApiError(404, 'not_found', said('noRoute', { method: c.req.method, path: c.req.path }));
      if (allowed.has('GET')) allowed.add('HEAD');
      const allow = [...allowed].sort().join(', ');
      c.header('Allow', allow);
      throw new ApiError(405, 'method_not_allowed', said('methodNotAllowed', { path: c.req.path, method: c.req.method, allow }));
    },
    /**
     * Refuses with `415` a request body in a media type its route does not take (a JSON route sent
     * text, a form or nothing declared), before the validator reads it as `{}`.
     */
    mediaTypes: (async (c, next) => {
      // Matched only when there is a body to judge: the index is walked path by path.
      const accepted = declaresBody(c) ? at(c.req.path).flatMap((d) => d.methods.get(c.req.method) ?? []) : [];
      if (accepted.length > 0) {
        const sent = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
        if (!accepted.includes(sent)) {
          throw new ApiError(415, 'unsupported_media_type', said(sent ? 'unsupportedMediaType' : 'unsupportedMediaTypeNone', { method: c.req.method, path: c.req.path, accepted: { list: accepted, join: 'or' }, ...(sent ? { sent } : { header: 'Content-Type' }) }));
        }
      }
      await next();
    }) satisfies MiddlewareHandler,
  };
}
