import { createRoute, type RouteConfig, type z } from '@hono/zod-openapi';
import { ErrorBody, bodyErrorResponses, errorResponses } from '../common';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Definition = Omit<RouteConfig, 'method' | 'path' | 'tags'> & {
  tags?: string[];
  /** `false` for the few routes that answer none of the standard 400/403/404 errors (only 401, as every route but sign-in). */
  standardErrors?: false;
};

type Standard<D extends Definition> = D extends { standardErrors: false } ? Pick<typeof errorResponses, 401> : typeof errorResponses;
type WithStandardErrors<D extends Definition> = Omit<Standard<D> & typeof bodyErrorResponses, keyof D['responses']> & D['responses'];

/** A JSON response: `200: json('The task', Task)`. */
export const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { 'application/json': { schema } } });

/** A refusal in the standard error body, e.g. `409: refusal('Past planning')`. */
export const refusal = (description: string) => ({ description, content: { 'application/json': { schema: ErrorBody } } });

/** A JSON request body; `optional` lets the client send no body at all. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({ content: { 'application/json': { schema } }, required: true as const });
export const optionalJsonBody = <S extends z.ZodType>(schema: S) => ({ content: { 'application/json': { schema } }, required: false as const });

/**
 * Route definitions of one resource, each with its full path so a handler, a test or the web app
 * can find it from the definition alone. The tag and the standard error responses are added here
 * (413 and 415 to every route with a body); a route's own response for the same status wins.
 */
export function routesOf(tag: string) {
  const define =
    <M extends Method>(method: M) =>
    <P extends string, const D extends Definition>(path: P, definition: D) => {
      const { standardErrors, responses, ...rest } = definition;
      const standard = standardErrors === false ? { 401: errorResponses[401] } : errorResponses;
      const forBody = rest.request?.body ? bodyErrorResponses : {};
      return createRoute({
        method,
        path,
        tags: [tag],
        ...(rest as Omit<D, 'standardErrors' | 'responses'>),
        responses: { ...standard, ...forBody, ...responses } as unknown as WithStandardErrors<D>,
      });
    };
  return { get: define('get'), post: define('post'), put: define('put'), patch: define('patch'), delete: define('delete') };
}

/** The answer of a plan change once the project is past planning. */
export const planLockedResponse = refusal('The project is past planning; request a change instead');
