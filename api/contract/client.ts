import type { RouteConfig, z } from '@hono/zod-openapi';
import type { ErrorBody } from './common';

/** `fetch`, or anything shaped like it: a Hono app's `app.request` in tests. */
export type Fetch = (input: string, init?: RequestInit) => Response | Promise<Response>;

type SchemaOf<T> = T extends { content: { 'application/json': { schema: infer S extends z.ZodType } } } ? S : never;
type Request<R extends RouteConfig> = NonNullable<R['request']>;

/** What a call to `R` takes: its path parameters, query and JSON body, each as the contract types them. */
export type RequestInput<R extends RouteConfig> = (Request<R> extends { params: infer P extends z.ZodType } ? { params: z.input<P> } : { params?: never }) &
  (Request<R> extends { query: infer Q extends z.ZodType } ? { query?: z.input<Q> } : { query?: never }) &
  (Request<R> extends { body: infer B } ? ([SchemaOf<B>] extends [never] ? { body?: never } : { body: z.input<SchemaOf<B>> }) : { body?: never });

type SuccessStatus = 200 | 201 | 202 | 204;
/** The body of a successful answer of `R` (undefined for one without content, e.g. 204). */
export type SuccessBody<R extends RouteConfig> = {
  [K in keyof R['responses'] & SuccessStatus]: [SchemaOf<R['responses'][K]>] extends [never] ? undefined : z.output<SchemaOf<R['responses'][K]>>;
}[keyof R['responses'] & SuccessStatus];

export type ApiResult<R extends RouteConfig> =
  | { ok: true; status: number; body: SuccessBody<R> }
  | { ok: false; status: number; body: z.infer<typeof ErrorBody> | string | undefined };

/** The path of a route with its parameters filled in, e.g. `/api/projects/3f1c…/tasks`. */
export function pathOf(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`Missing path parameter ${name} for ${path}.`);
    return encodeURIComponent(String(params[name]));
  });
}

/**
 * A typed caller for the route definitions in `./routes`: it fills in the path, adds the query
 * string and the JSON body, and parses a successful answer with the route's own schema, so a
 * response that drifted from the contract fails loudly.
 */
export function createApiClient({ fetch, baseUrl = '', headers = {} }: { fetch: Fetch; baseUrl?: string; headers?: Record<string, string> }) {
  return async function request<R extends RouteConfig>(route: R, input: RequestInput<R>, init: { headers?: Record<string, string> } = {}): Promise<ApiResult<R>> {
    const { params, query, body } = input as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(key, String(value));
    const url = baseUrl + pathOf(route.path, params) + (search.size > 0 ? `?${search}` : '');
    const response = await fetch(url, {
      method: route.method.toUpperCase(),
      headers: { ...headers, ...init.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json: unknown = text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text || undefined;
    if (!response.ok) return { ok: false, status: response.status, body: json as z.infer<typeof ErrorBody> | string | undefined };
    const schema = (route.responses[response.status] as { content?: Record<string, { schema?: z.ZodType }> } | undefined)?.content?.['application/json']?.schema;
    return { ok: true, status: response.status, body: (schema ? schema.parse(json) : json) as SuccessBody<R> };
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
