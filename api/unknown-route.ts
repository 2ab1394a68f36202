import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ApiError } from './errors';

interface KnownPath {
  pattern: RegExp;
  methods: Set<string>;
}

/** The documented paths (OpenAPI templates such as `/api/flows/{id}`) with the methods each takes. */
function knownPaths(app: OpenAPIHono): KnownPath[] {
  const byTemplate = new Map<string, Set<string>>();
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const methods = byTemplate.get(definition.route.path) ?? new Set<string>();
    methods.add(definition.route.method.toUpperCase());
    byTemplate.set(definition.route.path, methods);
  }
  return [...byTemplate].map(([template, methods]) => ({
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^/}]+\}/g, '[^/]+')}/?$`),
    methods,
  }));
}

/**
 * The answer to an `/api/...` request no route took: `405` with `Allow` for a documented path and
 * another method, else `404`; both JSON, never the web page.
 */
export function unknownApiRoute(app: OpenAPIHono) {
  let known: KnownPath[] | undefined;
  return (c: Context): never => {
    known ??= knownPaths(app);
    const allowed = new Set(known.filter((k) => k.pattern.test(c.req.path)).flatMap((k) => [...k.methods]));
    if (allowed.size === 0) throw new ApiError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`);
    if (allowed.has('GET')) allowed.add('HEAD');
    const allow = [...allowed].sort().join(', ');
    c.header('Allow', allow);
    throw new ApiError(405, 'method_not_allowed', `${c.req.path} does not take ${c.req.method}; it takes ${allow}.`);
  };
}
