import { z } from 'zod';

/**
 * Calendar units have a fixed length; business units depend on the organisation's working days,
 * hours and holidays, so only the business calendar (outside this pure module) can turn them
 * into a moment in time.
 */
export const calendarUnits = ['seconds', 'minutes', 'hours', 'days'] as const;
export const businessUnits = ['business_hours', 'business_days'] as const;
export const durationUnits = [...calendarUnits, ...businessUnits] as const;

export const durationUnitSchema = z.enum(durationUnits);
export type DurationUnit = z.infer<typeof durationUnitSchema>;
export type CalendarUnit = (typeof calendarUnits)[number];
export type BusinessUnit = (typeof businessUnits)[number];

const unitMs: Record<CalendarUnit, number> = {
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

/** A unit's words, one and many; the message catalogs take their English from here. */
export const durationUnitWords: Record<DurationUnit, readonly [singular: string, plural: string]> = {
  seconds: ['second', 'seconds'],
  minutes: ['minute', 'minutes'],
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  business_hours: ['business hour', 'business hours'],
  business_days: ['business day', 'business days'],
};

/**
 * A business day or hour is never shorter than a calendar one is long in working time, so counting
 * it as one calendar day/hour gives a lower bound; that is enough to refuse absurd timers, which
 * is all the ceiling is for.
 */
const lowerBoundMs: Record<DurationUnit, number> = {
  ...unitMs,
  business_hours: unitMs.hours,
  business_days: unitMs.days,
};
const maxDurationMs = 366 * unitMs.days;

const amountSchema = z.number().positive().meta({ title: 'Amount' });

/**
 * Split on the unit so the type is a union: code that has ruled out calendar units holds a
 * `BusinessDuration` without a cast.
 */
export const durationSchema = z
  .discriminatedUnion('unit', [
    z.strictObject({ amount: amountSchema, unit: z.enum(calendarUnits).meta({ title: 'Unit' }) }),
    z.strictObject({ amount: amountSchema, unit: z.enum(businessUnits).meta({ title: 'Unit' }) }),
  ])
  .refine((d) => d.amount * lowerBoundMs[d.unit] <= maxDurationMs, {
    message: 'A duration can be at most about one year.',
  });

export type Duration = z.infer<typeof durationSchema>;
export type CalendarDuration = Extract<Duration, { unit: CalendarUnit }>;
export type BusinessDuration = Extract<Duration, { unit: BusinessUnit }>;

export function isCalendarDuration(duration: Duration): duration is CalendarDuration {
  return calendarUnits.some((unit) => unit === duration.unit);
}

/** Milliseconds of a calendar-unit duration, whole milliseconds because timers take integers. */
export function durationToMs(duration: CalendarDuration): number {
  return Math.round(duration.amount * unitMs[duration.unit]);
}

/** "48 hours", "1 business day": for help texts, diagnostics and inbox messages. */
export function describeDuration(duration: Duration): string {
  const [singular, plural] = durationUnitWords[duration.unit];
  return `${duration.amount} ${duration.amount === 1 ? singular : plural}`;
}
