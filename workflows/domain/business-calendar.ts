import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  isBusinessDuration,
  isWholeUnit,
  type BusinessDuration,
  type CalendarDuration,
  type PlainDuration,
} from './duration';
import { DomainError } from './errors';
import { sharedCalendarIdSchema } from './shared-calendars';
import { DEFAULT_TIME_ZONE, isValidTimeZone, timeZoneSchema } from './time-zone';
import { ownPattern } from './own-pattern';

export type CalendarErrorCode = 'invalid_calendar' | 'invalid_duration' | 'no_working_time';
export class CalendarError extends DomainError<CalendarErrorCode> {}

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** 24:00 lets a round-the-clock team (a call centre) work until midnight. */
const END_CLOCK_TIME = /^(([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

const minutesOf = (clock: string): number => {
  const [hours = '0', minutes = '0'] = clock.split(':');
  return Number(hours) * 60 + Number(minutes);
};

const isoDateListSchema = z
  .array(z.iso.date({ error: 'expected ISO dates such as 2027-10-01', ...ownPattern(z.regexes.date) } as z.core.$ZodISODateParams))
  .default(() => []);

/**
 * When the team works. Weekdays are ISO numbers (1 = Monday … 7 = Sunday); holidays and extra
 * working days are local dates in `timeZone` — extra working days are the weekend days worked to
 * make up for a long holiday (调休), common in mainland China. A working day is one window
 * workStart–workEnd; a lunch break is not modelled. `holidaysFrom` names a shared calendar
 * (`cn-mainland`) whose days off and make-up working days apply as well, year by year; the project's
 * own `holidays` and `extraWorkingDays` win over it where they disagree. Only `withSharedDays` (given
 * the shared table, which lives in the database) adds them, so resolve a stored calendar before
 * counting business time with it.
 */
export const businessCalendarSchema = z
  .strictObject({
    timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
    workingDays: z
      .array(z.int().min(1, { error: 'weekdays go from 1 (Monday)' }).max(7, { error: 'weekdays go up to 7 (Sunday)' }))
      .min(1, { error: 'at least one working day is needed' })
      .refine((days) => new Set(days).size === days.length, { error: 'a weekday is listed twice' })
      .default(() => [1, 2, 3, 4, 5]),
    workStart: z.string().regex(CLOCK_TIME, { error: 'expected HH:mm, e.g. 09:00' }).default('09:00'),
    workEnd: z.string().regex(END_CLOCK_TIME, { error: 'expected HH:mm, e.g. 18:00' }).default('18:00'),
    holidays: isoDateListSchema,
    extraWorkingDays: isoDateListSchema,
    holidaysFrom: sharedCalendarIdSchema.optional(),
  })
  .refine((calendar) => minutesOf(calendar.workEnd) > minutesOf(calendar.workStart), {
    error: 'the working day must end after it starts',
    path: ['workEnd'],
  })
  .superRefine((calendar, ctx) => {
    const holidays = new Set(calendar.holidays);
    for (const day of calendar.extraWorkingDays) {
      if (!holidays.has(day)) continue;
      ctx.addIssue({
        code: 'custom',
        message: `${day} is both a holiday and an extra working day`,
        path: ['extraWorkingDays'],
      });
    }
  });
export type BusinessCalendar = z.output<typeof businessCalendarSchema>;
export type BusinessCalendarInput = z.input<typeof businessCalendarSchema>;

/**
 * The calendar with a shared calendar's days added: its holidays become days off and its make-up
 * days working days, except where the project's own lists say otherwise (a project holiday on a
 * national make-up Saturday stays a holiday; a project working day on a national holiday is worked).
 */
export function withSharedDays(
  calendar: BusinessCalendar,
  shared: { holidays: readonly string[]; workingDays: readonly string[] },
): BusinessCalendar {
  const ownHolidays = new Set(calendar.holidays);
  const ownWorkingDays = new Set(calendar.extraWorkingDays);
  const holidays = new Set([...shared.holidays.filter((day) => !ownWorkingDays.has(day)), ...ownHolidays]);
  const extraWorkingDays = new Set([...shared.workingDays.filter((day) => !ownHolidays.has(day) && !holidays.has(day)), ...ownWorkingDays]);
  return { ...calendar, holidays: [...holidays].sort(), extraWorkingDays: [...extraWorkingDays].sort() };
}

/** Mon–Fri 09:00–18:00 in Asia/Shanghai, no holidays. */
export const defaultBusinessCalendar: BusinessCalendar = businessCalendarSchema.parse({});

/** Walking more than ten years of days means the calendar or the amount is nonsense. */
const MAX_SCAN_DAYS = 366 * 10;

interface WorkWindow {
  start: number;
  end: number;
}

interface PreparedCalendar {
  zone: string;
  weekdays: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
  extraWorkingDays: ReadonlySet<string>;
  startMinutes: number;
  endMinutes: number;
}

function prepare(calendar: BusinessCalendar): PreparedCalendar {
  if (!isValidTimeZone(calendar.timeZone)) {
    throw new CalendarError('invalid_calendar', `${calendar.timeZone} is not an IANA time zone`);
  }
  return {
    zone: calendar.timeZone,
    weekdays: new Set(calendar.workingDays),
    holidays: new Set(calendar.holidays),
    extraWorkingDays: new Set(calendar.extraWorkingDays),
    startMinutes: minutesOf(calendar.workStart),
    endMinutes: minutesOf(calendar.workEnd),
  };
}

const atMinutes = (day: DateTime, minutes: number): number =>
  minutes === 24 * 60
    ? day.plus({ days: 1 }).startOf('day').toMillis()
    : day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 }).toMillis();

/** The working window of a local day (given as its start), or null on a day off. */
function windowOf(calendar: PreparedCalendar, day: DateTime): WorkWindow | null {
  const date = day.toISODate() ?? '';
  const working =
    calendar.extraWorkingDays.has(date) || (calendar.weekdays.has(day.weekday) && !calendar.holidays.has(date));
  if (!working) return null;
  // Wall-clock bounds per day, so a DST switch moves the window's UTC position, not its local hours.
  return { start: atMinutes(day, calendar.startMinutes), end: atMinutes(day, calendar.endMinutes) };
}

const noWorkingTime = (): CalendarError =>
  new CalendarError('no_working_time', `the duration does not fit in ten years of this calendar's working time`);

/** The first working moment at or after `at`, treating windows as [start, end). */
function forward(calendar: PreparedCalendar, at: number, budget: { days: number }): { at: number; window: WorkWindow } {
  let day = DateTime.fromMillis(at, { zone: calendar.zone }).startOf('day');
  for (;;) {
    const window = windowOf(calendar, day);
    if (window && at < window.end) return { at: Math.max(at, window.start), window };
    if (--budget.days < 0) throw noWorkingTime();
    day = day.plus({ days: 1 }).startOf('day');
  }
}

/** The last working moment at or before `at`, treating windows as (start, end]. */
function backward(calendar: PreparedCalendar, at: number, budget: { days: number }): { at: number; window: WorkWindow } {
  let day = DateTime.fromMillis(at, { zone: calendar.zone }).startOf('day');
  for (;;) {
    const window = windowOf(calendar, day);
    if (window && at > window.start) return { at: Math.min(at, window.end), window };
    if (--budget.days < 0) throw noWorkingTime();
    day = day.minus({ days: 1 }).startOf('day');
  }
}

function checkAmount(amount: number): void {
  if (!Number.isFinite(amount) || amount < 0) {
    throw new CalendarError('invalid_duration', `the amount must be a finite number of zero or more, got ${amount}`);
  }
}

/**
 * A business day is one working day's length of working time, so 2 business days from Friday 17:00
 * (09:00–18:00) is Friday's last hour, Monday, and Tuesday until 17:00. Starting on a weekend counts
 * Monday and Tuesday in full and ends Tuesday 18:00, at the close of business.
 */
function businessMillis(calendar: PreparedCalendar, duration: BusinessDuration): number {
  checkAmount(duration.amount);
  const dayMinutes = calendar.endMinutes - calendar.startMinutes;
  const hours = duration.unit === 'business_days' ? (duration.amount * dayMinutes) / 60 : duration.amount;
  const millis = Math.round(hours * 3_600_000);
  // Refuse at once what cannot fit, rather than walking ten years of days to find out.
  if (millis > MAX_SCAN_DAYS * dayMinutes * 60_000) throw noWorkingTime();
  return millis;
}

/** True while the team works: on a working day, from workStart up to (not including) workEnd. */
export function isWorkingTime(calendar: BusinessCalendar, at: Date): boolean {
  const prepared = prepare(calendar);
  const window = windowOf(prepared, DateTime.fromJSDate(at, { zone: prepared.zone }).startOf('day'));
  return window !== null && at.getTime() >= window.start && at.getTime() < window.end;
}

/** True when `at` falls on a working day of the calendar (in its zone): a workday that is no holiday, or an extra working day. */
export function isWorkingDay(calendar: BusinessCalendar, at: Date): boolean {
  const prepared = prepare(calendar);
  return windowOf(prepared, DateTime.fromJSDate(at, { zone: prepared.zone }).startOf('day')) !== null;
}

/**
 * The working days after the local day of `from`, up to and including the local day of `until`:
 * on Friday with a deadline next Tuesday (Mon–Fri), 2. Zero when `until` is not after `from`'s day.
 */
export function workingDaysAfter(calendar: BusinessCalendar, from: Date, until: Date): number {
  const prepared = prepare(calendar);
  const last = DateTime.fromJSDate(until, { zone: prepared.zone }).startOf('day');
  let day = DateTime.fromJSDate(from, { zone: prepared.zone }).startOf('day').plus({ days: 1 });
  let count = 0;
  for (let scanned = 0; day <= last && scanned < MAX_SCAN_DAYS; scanned++, day = day.plus({ days: 1 }).startOf('day')) {
    if (windowOf(prepared, day) !== null) count++;
  }
  return count;
}

/** `at` itself when it is working time, otherwise the start of the next working window. */
export function nextWorkingMoment(calendar: BusinessCalendar, at: Date): Date {
  return new Date(forward(prepare(calendar), at.getTime(), { days: MAX_SCAN_DAYS }).at);
}

/**
 * The moment `duration` of working time after `start`. A start outside working time counts from the
 * next working moment. The result is always in working time, possibly exactly at workEnd
 * (9 business hours from Monday 09:00 is Monday 18:00, not Tuesday 09:00).
 */
export function addBusinessDuration(calendar: BusinessCalendar, start: Date, duration: BusinessDuration): Date {
  const prepared = prepare(calendar);
  const budget = { days: MAX_SCAN_DAYS };
  let remaining = businessMillis(prepared, duration);
  let { at, window } = forward(prepared, start.getTime(), budget);
  for (;;) {
    const available = window.end - at;
    if (remaining <= available) return new Date(at + remaining);
    remaining -= available;
    ({ at, window } = forward(prepared, window.end, budget));
  }
}

/**
 * The moment `duration` of working time before `end` — "warn 3 business days before due". An end
 * outside working time counts back from the previous working moment; the result may be exactly at
 * workStart (3 business days before Thursday 09:00 is Monday 09:00).
 */
export function subtractBusinessDuration(calendar: BusinessCalendar, end: Date, duration: BusinessDuration): Date {
  const prepared = prepare(calendar);
  const budget = { days: MAX_SCAN_DAYS };
  let remaining = businessMillis(prepared, duration);
  let { at, window } = backward(prepared, end.getTime(), budget);
  for (;;) {
    const available = at - window.start;
    if (remaining <= available) return new Date(at - remaining);
    remaining -= available;
    ({ at, window } = backward(prepared, window.start, budget));
  }
}

function shift(calendar: BusinessCalendar, at: Date, duration: PlainDuration, sign: 1 | -1): Date {
  checkAmount(duration.amount);
  if (isWholeUnit(duration.unit) && !Number.isInteger(duration.amount)) {
    throw new CalendarError('invalid_duration', `${duration.unit} must be a whole number, got ${duration.amount}`);
  }
  if (!isValidTimeZone(calendar.timeZone)) {
    throw new CalendarError('invalid_calendar', `${calendar.timeZone} is not an IANA time zone`);
  }
  // Luxon does hours and shorter on the timeline and days and longer on the wall clock, which is
  // what people mean: "1 day after 09:00" is 09:00 the next day even across a DST switch.
  return DateTime.fromJSDate(at, { zone: calendar.timeZone })
    .plus({ [duration.unit]: sign * duration.amount })
    .toJSDate();
}

/** Plain time after `start`, in the calendar's zone; working hours do not matter. */
export const addDuration = (calendar: BusinessCalendar, start: Date, duration: PlainDuration): Date =>
  shift(calendar, start, duration, 1);

export const subtractDuration = (calendar: BusinessCalendar, end: Date, duration: PlainDuration): Date =>
  shift(calendar, end, duration, -1);

/** Either kind of duration, for offsets stored as `CalendarDuration` (warning offsets, timeouts). */
export const addCalendarDuration = (calendar: BusinessCalendar, start: Date, duration: CalendarDuration): Date =>
  isBusinessDuration(duration) ? addBusinessDuration(calendar, start, duration) : addDuration(calendar, start, duration);

export const subtractCalendarDuration = (calendar: BusinessCalendar, end: Date, duration: CalendarDuration): Date =>
  isBusinessDuration(duration)
    ? subtractBusinessDuration(calendar, end, duration)
    : subtractDuration(calendar, end, duration);
