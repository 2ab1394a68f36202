import { z } from '@hono/zod-openapi';
import { decimalSchema } from '../../workflows/domain/decimal';
import { readable } from '../../workflows/domain/human-text';
import { isMissingValue, markBuiltIn } from './built-in-issue';

export const Uuid = z.uuid({ message: 'must be a UUID' });

/** A one-line name or title people read (a project, a task, a person…): required, at most `max` characters. */
export const Name = (max: number) => readable(z.string().trim().min(1, 'must not be empty').max(max));
/** Text people write and read, line breaks allowed (a description, an answer, a reason): at most `max` characters. */
export const Prose = (max: number) => readable(z.string().trim().max(max), { multiline: true });

export const IdParam = z.object({
  id: Uuid.openapi({ param: { name: 'id', in: 'path' }, example: '3f1c2a9e-5b6d-4e8f-9a0b-1c2d3e4f5a6b' }),
});

const pathUuid = (name: string) => Uuid.openapi({ param: { name, in: 'path' } });

/** The path parameters of one item under a project, e.g. `projectItemParams('taskId')` for `{ id, taskId }`. */
export const projectItemParams = <const K extends string>(itemId: K) =>
  z.object({ id: pathUuid('id'), ...({ [itemId]: pathUuid(itemId) } as Record<K, ReturnType<typeof pathUuid>>) });

/** A change to any of `fields`, at least one of them; unknown fields are refused. */
export const patchBodyOf = <S extends z.core.$ZodLooseShape>(fields: S) =>
  z
    .strictObject(fields)
    .partial()
    .refine((patch) => Object.keys(patch).length > 0, { error: 'give at least one field to change' });


/**
 * True for a date-time whose year and UTC offset exist in business and in PostgreSQL: a year from
 * 1900 to 2999, and an offset that a time zone on Earth has (−12:00 to +14:00). Without it, an
 * offset such as +19:48 passes ISO 8601 and fails in the database, without naming the field.
 */
function storable(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const offset = /([+-])(\d{2}):?(\d{2})?$/.exec(text);
  const offsetMinutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3] ?? 0)) : 0;
  return year >= 1900 && year <= 2999 && offsetMinutes >= -12 * 60 && offsetMinutes <= 14 * 60;
}

// A missing value is left to the global map below ("is required", in the reader's language).
export const Timestamp = z.iso
  .datetime({ offset: true, error: (issue) => (issue.input === undefined ? undefined : 'must be an ISO 8601 date-time with a time zone, e.g. 2027-03-31T18:00:00+08:00') })
  .refine(storable, { message: 'must fall in the years 1900 to 2999, with a UTC offset from -12:00 to +14:00' });

/**
 * A whole number from a query string, from `min` up to 2^53 − 1 (what JavaScript counts exactly),
 * each refusal in words rather than the database's unnamed one.
 */
export const QueryInteger = (min: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int({ error: (issue) => (issue.code === 'too_big' ? `must be at most ${Number.MAX_SAFE_INTEGER}` : 'must be a whole number') })
    .min(min, `must be at least ${min}`);

/**
 * A decimal (money, a target, a KPI value) given as decimal text, or as a JSON number only while the
 * number is exactly what was written; kept as canonical text from here to the database, so it stays
 * exact. At most 20 digits before the point and 8 after (workflows/domain/decimal.ts).
 */
export const Decimal = decimalSchema().describe(
  'A decimal number: preferably as text ("9007199254740993.5"); a JSON number only while it is exact. At most 20 digits before the decimal point and 8 after.',
);

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional(), nodeId: z.string().optional() })),
    }),
  })
  .openapi('Error');

export const errorResponses = {
  400: { description: 'Invalid input; `details` names each faulty field', content: { 'application/json': { schema: ErrorBody } } },
  401: { description: 'Nobody signed in: send the session cookie or `Authorization: Bearer <token>`', content: { 'application/json': { schema: ErrorBody } } },
  403: { description: 'You may see this but not do this (your role, or not your project); nothing was changed', content: { 'application/json': { schema: ErrorBody } } },
  404: { description: 'Unknown id, or nothing you may see (the same answer, so ids do not leak)', content: { 'application/json': { schema: ErrorBody } } },
} as const;

/** The answers of every route that takes a body, whatever else it answers. */
export const bodyErrorResponses = {
  413: { description: 'The body is larger than 1 MiB', content: { 'application/json': { schema: ErrorBody } } },
  415: { description: 'The body is not in a media type the route takes (JSON, unless it says otherwise)', content: { 'application/json': { schema: ErrorBody } } },
} as const;

// A missing field reads "is required" rather than zod's "expected string, received undefined".
// Zod's own messages are marked (see builtInIssue), so the API can say them in the reader's language.
z.config({
  customError: (issue) => {
    markBuiltIn(issue);
    return isMissingValue(issue) ? 'is required' : undefined;
  },
});

export type ErrorBody = z.infer<typeof ErrorBody>;
