import { z } from 'zod';

const INVALID_INSTANT = 'expected a date-time with an offset, e.g. 2027-01-01T00:00:00+08:00';

/**
 * A moment in time: a Date, or an ISO 8601 date-time string that carries its offset (JSON bodies
 * and Temporal payloads turn Dates into such strings). Strings without an offset are refused —
 * "2027-03-01T09:00" is a different moment in every office. `missing` and `invalid` replace the
 * default messages, so a goal can say "Time-bound: the goal has no deadline".
 */
export function instantSchema(messages: { missing?: string; invalid?: string } = {}) {
  return z.union([z.date(), z.iso.datetime({ offset: true }).transform((text) => new Date(text))], {
    error: (issue) =>
      issue.input === undefined || issue.input === null
        ? (messages.missing ?? 'is required')
        : (messages.invalid ?? INVALID_INSTANT),
  });
}
