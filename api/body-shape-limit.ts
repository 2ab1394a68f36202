import { createMiddleware } from 'hono/factory';
import { ApiError, said } from './errors';
import { inexactNumbers } from './exact-json-numbers';

/** What any JSON body may hold, wherever in it: beyond these no field of the API has a use. */
export const bodyShapeLimits = { depth: 64, arrayItems: 10_000, stringLength: 100_000 } as const;

type Found = { path: string; message: string } | undefined;

const pathOf = (keys: (string | number)[]) => (keys.length === 0 ? '(the body)' : keys.join('.'));

/** The first place in `value` beyond the limits, walked with a stack of its own so that depth cannot overflow it. */
function beyondLimits(value: unknown): Found {
  const stack: { value: unknown; keys: (string | number)[] }[] = [{ value, keys: [] }];
  while (stack.length > 0) {
    const { value: here, keys } = stack.pop()!;
    if (typeof here === 'string' && here.length > bodyShapeLimits.stringLength) {
      return { path: pathOf(keys), message: `is ${here.length} characters long; text may be at most ${bodyShapeLimits.stringLength}` };
    }
    if (typeof here !== 'object' || here === null) continue;
    if (keys.length >= bodyShapeLimits.depth) return { path: pathOf(keys), message: `is nested deeper than ${bodyShapeLimits.depth} levels` };
    if (Array.isArray(here)) {
      if (here.length > bodyShapeLimits.arrayItems) return { path: pathOf(keys), message: `has ${here.length} items; a list may have at most ${bodyShapeLimits.arrayItems}` };
      here.forEach((item, index) => stack.push({ value: item, keys: [...keys, index] }));
    } else {
      for (const [key, item] of Object.entries(here)) stack.push({ value: item, keys: [...keys, key] });
    }
  }
  return undefined;
}

/**
 * Refuses a JSON body whose numbers JSON.parse would change (9007199254740993, 2^63, 1e-400), naming each.
 * Refuses a JSON body nested too deep, with a list too long or a text too long, naming where, before
 * any handler (or serializer) walks it recursively. A body that is not JSON is left to the route's
 * validator, which says so.
 */
export const bodyShapeLimit = createMiddleware(async (c, next) => {
  if (!c.req.header('content-type')?.includes('json')) return next();
  let text: string;
  let body: unknown;
  try {
    // Read as text first: the route's validator parses the same cached text again.
    text = await c.req.text();
    body = JSON.parse(text);
  } catch {
    return next();
  }
  const found = beyondLimits(body);
  if (found) throw new ApiError(400, 'body_too_complex', `At ${found.path}, the request body ${found.message}.`, [found]);
  const inexact = inexactNumbers(text);
  if (inexact.length > 0) {
    throw new ApiError(400, 'invalid_request', said('inexactNumbers', { count: inexact.length, paths: inexact.map((d) => d.path).join(', ') }), inexact);
  }
  return next();
});
