import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../../../workflows/domain/business-calendar';
import type { SharedDay } from '../../../workflows/domain/shared-calendars';

/** A year's table as the API gives it: days off, and weekend days worked in return (调休). */
export interface DayTable {
  holidays: readonly SharedDay[];
  workingDays: readonly SharedDay[];
}

export type DayKind = 'holiday' | 'workingDay';

/** What a date is in a table: a day off or a make-up working day, with its name. */
export interface MarkedDay {
  kind: DayKind;
  name: string | null;
}

export function daysByDate(table: DayTable | null): Map<string, MarkedDay> {
  const days = new Map<string, MarkedDay>();
  for (const day of table?.holidays ?? []) days.set(day.date, { kind: 'holiday', name: day.name });
  for (const day of table?.workingDays ?? []) days.set(day.date, { kind: 'workingDay', name: day.name });
  return days;
}

export interface DayChange {
  date: string;
  before: MarkedDay | null;
  after: MarkedDay | null;
}

/** The dates a new table marks differently from the old one (kind or name), in date order. */
export function yearChanges(before: DayTable | null, after: DayTable): DayChange[] {
  const was = daysByDate(before);
  const will = daysByDate(after);
  const dates = [...new Set([...was.keys(), ...will.keys()])].sort();
  return dates
    .map((date) => ({ date, before: was.get(date) ?? null, after: will.get(date) ?? null }))
    .filter(({ before: b, after: a }) => b?.kind !== a?.kind || b?.name !== a?.name);
}

const byDate = (a: SharedDay, b: SharedDay) => (a.date < b.date ? -1 : 1);

/** The table with one date marked anew (or unmarked, for `kind` null), the rest as it was. */
export function withDay(table: DayTable | null, date: string, kind: DayKind | null, name: string | null): { holidays: SharedDay[]; workingDays: SharedDay[] } {
  const others = (days: readonly SharedDay[] | undefined) => (days ?? []).filter((day) => day.date !== date);
  const holidays = others(table?.holidays);
  const workingDays = others(table?.workingDays);
  if (kind === 'holiday') holidays.push({ date, name });
  if (kind === 'workingDay') workingDays.push({ date, name });
  return { holidays: holidays.sort(byDate), workingDays: workingDays.sort(byDate) };
}

/**
 * The calendar date of a form's value in the project's zone: a date input's `2026-10-01` as it
 * is, a datetime-local value as typed in that zone (the plan's inputs are the calendar's time), a
 * value with an offset as that moment's date where the project works.
 */
export function calendarDate(value: string | null | undefined, timeZone: string): string | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const at = DateTime.fromISO(value, { zone: timeZone });
  return at.isValid ? at.toISODate() : null;
}

/**
 * What the project's calendar makes of a date: its own holidays and extra working days first (they
 * win over the shared calendar, as the engine counts: `withSharedDays`), then the shared year's.
 */
export function markedDay(date: string, calendar: Pick<BusinessCalendar, 'holidays' | 'extraWorkingDays'>, shared: DayTable | null): MarkedDay | null {
  if (calendar.holidays.includes(date)) return { kind: 'holiday', name: null };
  if (calendar.extraWorkingDays.includes(date)) return { kind: 'workingDay', name: null };
  return daysByDate(shared).get(date) ?? null;
}
