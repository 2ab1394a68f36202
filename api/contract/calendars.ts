import { z } from '@hono/zod-openapi';
import { SHARED_YEAR_MAX, SHARED_YEAR_MIN, sharedCalendarIds, sharedDaySchema } from '../../workflows/domain/shared-calendars';

// Made here rather than taken from the domain so they carry OpenAPI metadata (the domain's zod is not extended).
const sharedCalendarIdSchema = z.enum(sharedCalendarIds, { error: `expected a shared calendar: ${sharedCalendarIds.join(', ')}` });

export const CalendarYearParams = z.object({
  calendarId: sharedCalendarIdSchema.openapi({ param: { name: 'calendarId', in: 'path' }, example: 'cn-mainland' }),
  year: z.coerce
    .number({ error: 'must be a year such as 2027' })
    .int({ error: 'must be a year such as 2027' })
    .min(SHARED_YEAR_MIN, { error: `must be ${SHARED_YEAR_MIN} or later` })
    .max(SHARED_YEAR_MAX, { error: `must be ${SHARED_YEAR_MAX} or earlier` })
    .openapi({ param: { name: 'year', in: 'path' }, example: 2027 }),
});

export const SharedDay = z.strictObject(sharedDaySchema.shape).openapi('SharedCalendarDay');

/** Where a year's days come from: the package Milepost ships (chinese-days), or an admin's import or edit. */
export const SharedYearSource = z.enum(['package', 'csv', 'ics', 'json']);

export const SharedCalendarYear = z
  .object({
    calendarId: sharedCalendarIdSchema,
    year: z.number().int(),
    source: SharedYearSource,
    /** When an admin last stored this year, and who; null for the package's own years. */
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
    holidays: z.array(SharedDay).openapi({ description: 'Days off (statutory holidays and the days moved next to them)' }),
    workingDays: z.array(SharedDay).openapi({ description: '调休: weekend days that are working days' }),
  })
  .openapi('SharedCalendarYear');

/** A stored change: the year now, and which running projects were told to place their timers again. */
export const SharedCalendarYearChange = SharedCalendarYear.extend({
  rescheduling: z.object({
    projects: z.number().int().openapi({ description: 'Running projects following the calendar whose lifecycle was told to place its pending warnings again' }),
    flowRuns: z.number().int().openapi({ description: 'Running flow runs of those projects told to count their business-time timeouts and delays again' }),
    notReached: z.array(z.string()).openapi({ description: 'Workflow ids (sales-project-…, flow-run-…) that could not be told (engine unavailable); lifecycles pick the days up at their next reload, flow runs keep their deadlines' }),
  }),
}).openapi('SharedCalendarYearChange');

export const SharedCalendar = z
  .object({
    id: sharedCalendarIdSchema,
    title: z.string(),
    years: z.array(
      z.object({
        year: z.number().int(),
        source: SharedYearSource,
        holidays: z.number().int().openapi({ description: 'How many days off' }),
        workingDays: z.number().int().openapi({ description: 'How many make-up working days' }),
      }),
    ),
  })
  .openapi('SharedCalendar');

/** A year's whole table, as an admin edits it; it replaces what the year had. */
export const SharedYearBody = z
  .strictObject({
    holidays: z.array(SharedDay).max(366),
    workingDays: z.array(SharedDay).max(366),
  })
  .openapi('SharedYearBody');

export const SharedYearImportBody = z
  .strictObject({
    format: z.enum(['csv', 'ics']).openapi({ description: 'csv: `date,kind,name` (kind holiday/休 or working_day/班); ics: all-day events marked (休) or (班)' }),
    text: z.string({ error: 'must be the file’s text' }).min(1, 'must not be empty').max(512_000),
  })
  .openapi('SharedYearImport');

export const HolidayCsvText = z.string().openapi({
  description: 'date,kind,name — one day a row, header first; kind is holiday (休) or working_day (班)',
  example: 'date,kind,name\n2027-01-01,holiday,元旦\n',
});

export const HolidayIcsText = z.string().openapi({ description: 'An iCalendar feed of all-day events, each marked (休) or (班), as chinese-days publishes it' });
