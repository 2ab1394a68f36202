import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z, type ZodError } from 'zod';
import { errors as englishErrors } from '../workflows/i18n/en/errors';
import type { Language } from '../workflows/i18n';
import { builtInMark } from './contract/built-in-issue';
import { outageAnswers, retryAfterSeconds, unavailableDependency, type Dependency } from './outages';
import { requestLanguage } from './request-language';
import { said, sayIn, type Said } from './said';
import { schemaSentenceKey } from '../workflows/i18n/schema-sentences';
import { fallbackLogger } from '../activities/runtime/logger';

export { said, type Said } from './said';

export interface ErrorDetail {
  /** Dotted path of the faulty field, e.g. `milestones.0.dueAt`; empty for the whole body. */
  path: string;
  message: string;
  /** For flow diagnostics: what kind of problem, and the node the designer should mark. */
  code?: string | undefined;
  nodeId?: string | undefined;
  /** The message by key, for readers of another language; never sent as such. */
  said?: Said | undefined;
  /** The zod issue the message came from, said again in the reader's language; never sent. */
  issue?: ZodError['issues'][number] | undefined;
}

/**
 * An error the client can act on: HTTP status, a stable code, a sentence and per-field details.
 * A message given by key (`said('notFound', …)`) is said in the request's language; plain text is
 * said as it is.
 */
export class ApiError extends HTTPException {
  readonly said: Said | undefined;
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string | Said,
    readonly details: ErrorDetail[] = [],
  ) {
    super(status, { message: typeof message === 'string' ? message : sayIn('en', message) });
    this.said = typeof message === 'string' ? undefined : message;
  }

  /** The error as the API answers it, in `language`. */
  body(language: Language): { code: string; message: string; details: ErrorDetail[] } {
    const message = this.said && language !== 'en' ? sayIn(language, this.said) : this.message;
    return { code: this.code, message, details: this.details.map((detail) => detailIn(language, detail)) };
  }
}

/** One field's detail without what only the server reads, its message in `language`. */
function detailIn(language: Language, { said: key, issue, ...detail }: ErrorDetail): ErrorDetail {
  if (language === 'en') return detail;
  if (key) return { ...detail, message: sayIn(language, key) };
  if (issue) return { ...detail, message: issueIn(language, issue) ?? detail.message };
  const schemaKey = schemaSentenceKey(detail.message);
  return schemaKey ? { ...detail, message: sayIn(language, said(`schema.${schemaKey}`)) } : detail;
}

/** A sample input of each type zod names, so its locale can say what was received. */
const samples: Record<string, unknown> = { string: '', number: 0, boolean: false, bigint: 0n, symbol: Symbol('x'), undefined, null: null, array: [], object: {}, nan: NaN, date: new Date(0), function: () => {} };

const zodLocales = { 'zh-CN': z.locales.zhCN().localeError } as const;

/** A zod issue in `language`: zod's own words by its locale, a schema's own sentence by key; else undefined. */
function issueIn(language: Exclude<Language, 'en'>, issue: ZodError['issues'][number]): string | undefined {
  const mark = builtInMark(issue);
  if (!mark) {
    const key = schemaSentenceKey(issue.message);
    return key ? sayIn(language, said(`schema.${key}`)) : undefined;
  }
  if (issue.message === englishErrors.field.required) return sayIn(language, said('field.required'));
  const raw = { ...issue, input: samples[mark.received] } as Parameters<(typeof zodLocales)[typeof language]>[0];
  const message = zodLocales[language](raw);
  return typeof message === 'string' ? message : message?.message;
}

/** `503` with a sentence naming the part that is down; every 503 also carries `Retry-After`. */
export const dependencyUnavailable = (part: Dependency) => new ApiError(503, outageAnswers[part].code, said(outageAnswers[part].message));

export type Thing = keyof typeof englishErrors.things;

export const notFound = (what: Thing, id: string) => new ApiError(404, 'not_found', said('notFound', { what: said(`things.${what}`), id }));

/** `row` when there is one, else the 404 for `what` `id`: `const team = found(await findTeam(db, id), 'team', id)`. */
export function found<T>(row: T, what: Thing, id: string): NonNullable<T> {
  if (row === undefined || row === null) throw notFound(what, id);
  return row;
}

export const invalidFields = (details: ErrorDetail[]) =>
  new ApiError(400, 'invalid_request', said('invalidFields', { count: details.length, paths: details.map((d) => d.path || '(body)').join(', ') }), details);

/** A field's detail whose message is a key of the catalog's `field` section. */
export const fieldDetail = (path: string, key: `field.${keyof typeof englishErrors.field}`, params?: Said['params']): ErrorDetail => {
  const message = said(key, params);
  return { path, message: sayIn('en', message), said: message };
};

export function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    // One detail per unknown field, named by its own path, so the client sees which to drop.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => fieldDetail([...path, key].join('.'), 'field.unknown'));
    }
    return [{ path: path.join('.'), message: issue.message, issue }];
  });
}

/**
 * Renders every error as `{ error: { code, message, details } }` in the request's language; 500s
 * are logged, never leaked. A database or Temporal that cannot be reached is a 503 naming it, with
 * `Retry-After`, as is every other 503.
 */
export const onError: ErrorHandler = (thrown, c) => {
  const down = unavailableDependency(thrown);
  const log = c.get('log') ?? fallbackLogger;
  if (down) log.warn({ method: c.req.method, path: c.req.path, dependency: down, reason: (thrown as Error).message }, `503: the ${down} is not reachable`);
  const error = down ? dependencyUnavailable(down) : thrown;
  if (error instanceof HTTPException && error.status === 503) c.header('Retry-After', String(retryAfterSeconds));
  const language = requestLanguage(c);
  if (error instanceof ApiError) return c.json({ error: error.body(language) }, error.status);
  if (error instanceof HTTPException) {
    return c.json({ error: { code: 'http_error', message: error.message, details: [] } }, error.status);
  }
  const refused = refusedByDatabase(error);
  if (refused) return c.json({ error: refused.body(language) }, 400);
  log.error({ method: c.req.method, path: c.req.path, err: error }, 'unhandled error');
  return c.json({ error: new ApiError(500, 'internal', said('internal')).body(language) }, 500);
};

/** The 404 of a path no route takes, in the request's language. */
export const noRoute = (c: Context) => c.json({ error: new ApiError(404, 'not_found', said('noRoute', { method: c.req.method, path: c.req.path })).body(requestLanguage(c)) }, 404);

/**
 * PostgreSQL's "data exception" class (SQLSTATE 22xxx) means a value it cannot take: text with a
 * NUL character, a number or date out of its range. That is the client's input, not our fault.
 */
function refusedByDatabase(error: unknown): ApiError | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error) || typeof error.code !== 'string' || !error.code.startsWith('22')) return undefined;
  if (error.code === '22021' || error.code === '22P05') return new ApiError(400, 'invalid_text', said('invalidText', { nul: '\\u0000' }));
  return new ApiError(400, 'invalid_value', said('invalidValue'));
}
