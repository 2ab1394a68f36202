import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { outageAnswers, retryAfterSeconds, unavailableDependency, type Dependency } from './outages';
import { fallbackLogger } from '../activities/runtime/logger';

export interface ErrorDetail {
  /** Dotted path of the faulty field, e.g. `milestones.0.dueAt`; empty for the whole body. */
  path: string;
  message: string;
  /** For flow diagnostics: what kind of problem, and the node the designer should mark. */
  code?: string | undefined;
  nodeId?: string | undefined;
}

/** An error the client can act on: HTTP status, a stable code, a sentence and per-field details. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(status, { message });
  }
}

/** `503` with a sentence naming the part that is down; every 503 also carries `Retry-After`. */
export const dependencyUnavailable = (part: Dependency) => new ApiError(503, outageAnswers[part].code, outageAnswers[part].message);

export const notFound = (what: string, id: string) => new ApiError(404, 'not_found', `${what} ${id} does not exist.`);

/** `row` when there is one, else the 404 for `what` `id`: `const team = found(await findTeam(db, id), 'Team', id)`. */
export function found<T>(row: T, what: string, id: string): NonNullable<T> {
  if (row === undefined || row === null) throw notFound(what, id);
  return row;
}

export const invalidFields = (details: ErrorDetail[]) =>
  new ApiError(400, 'invalid_request', `The request has ${details.length} invalid field${details.length === 1 ? '' : 's'}: ${details.map((d) => d.path || '(body)').join(', ')}.`, details);

export function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    // One detail per unknown field, named by its own path, so the client sees which to drop.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: 'is not a known field' }));
    }
    return [{ path: path.join('.'), message: issue.message }];
  });
}

/**
 * Renders every error as `{ error: { code, message, details } }`; 500s are logged, never leaked.
 * A database or Temporal that cannot be reached is a 503 naming it, with `Retry-After`, as is
 * every other 503.
 */
export const onError: ErrorHandler = (thrown, c) => {
  const down = unavailableDependency(thrown);
  const log = c.get('log') ?? fallbackLogger;
  if (down) log.warn({ method: c.req.method, path: c.req.path, dependency: down, reason: (thrown as Error).message }, `503: the ${down} is not reachable`);
  const error = down ? dependencyUnavailable(down) : thrown;
  if (error instanceof HTTPException && error.status === 503) c.header('Retry-After', String(retryAfterSeconds));
  if (error instanceof ApiError) {
    return c.json({ error: { code: error.code, message: error.message, details: error.details } }, error.status);
  }
  if (error instanceof HTTPException) {
    return c.json({ error: { code: 'http_error', message: error.message, details: [] } }, error.status);
  }
  const refused = refusedByDatabase(error);
  if (refused) return c.json({ error: { code: refused.code, message: refused.message, details: [] } }, 400);
  log.error({ method: c.req.method, path: c.req.path, err: error }, 'unhandled error');
  return c.json({ error: { code: 'internal', message: 'Something went wrong on our side; it has been logged.', details: [] } }, 500);
};

/**
 * PostgreSQL's "data exception" class (SQLSTATE 22xxx) means a value it cannot take: text with a
 * NUL character, a number or date out of its range. That is the client's input, not our fault.
 */
function refusedByDatabase(error: unknown): { code: string; message: string } | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error) || typeof error.code !== 'string' || !error.code.startsWith('22')) return undefined;
  if (error.code === '22021' || error.code === '22P05') return { code: 'invalid_text', message: 'Text must not contain the NUL character (\\u0000) or invalid characters.' };
  return { code: 'invalid_value', message: 'A value in the request is out of the range the database can store (a number too large, or a date too far away).' };
}
