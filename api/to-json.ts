import type { z } from '@hono/zod-openapi';

/** A row as JSON sends it: every `Date` becomes an ISO 8601 string, `Date | null` a string or null. */
export type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

export function toJson<T extends object>(row: T): Json<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = value instanceof Date ? value.toISOString() : value;
  return out as Json<T>;
}

/**
 * The response body of `schema` built from a row's JSON plus the computed fields: checked against
 * the schema's type at compile time, and cut to its fields at run time so a column the contract
 * does not show (a dedupe key, a creation time) never leaks.
 */
export function bodyOf<S extends z.ZodObject>(schema: S) {
  const keys = Object.keys(schema.shape) as (keyof z.infer<S>)[];
  return (value: z.infer<S>): z.infer<S> => pickKeys(value, keys) as z.infer<S>;
}

/** Just the given keys of an object, e.g. the columns a client may set, taken from a contract body. */
export function pickKeys<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.filter((key) => key in value).map((key) => [key, value[key]])) as Pick<T, K>;
}

/** A patch without the keys it leaves out, so spreading it over the current row changes only what it names. */
export function definedOnly<T extends object>(patch: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
