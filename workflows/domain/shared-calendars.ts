import { z } from 'zod';
import { ownPattern } from './own-pattern';

/**
 * Calendars a project picks by id instead of typing dates in: the days off and make-up working
 * days of a country, year by year. Mainland China's come from the `chinese-days` package and can
 * be imported or corrected per year by an admin (stored years replace the package's whole year).
 */
export const sharedCalendarIds = ['cn-mainland'] as const;
export const sharedCalendarIdSchema = z.enum(sharedCalendarIds, { error: `expected a shared calendar: ${sharedCalendarIds.join(', ')}` });
export type SharedCalendarId = z.infer<typeof sharedCalendarIdSchema>;

export const sharedCalendarTitles: Record<SharedCalendarId, string> = {
  'cn-mainland': 'Mainland China: statutory holidays and 调休 make-up working days',
};

/** Years a table may hold: far enough back for old projects, far enough ahead for any plan. */
export const SHARED_YEAR_MIN = 2000;
export const SHARED_YEAR_MAX = 2100;

export const sharedDaySchema = z.strictObject({
  date: z.iso.date({ error: 'expected an ISO date such as 2027-10-01', ...ownPattern(z.regexes.date) } as z.core.$ZodISODateParams),
  /** What the day is for, as the State Council names it ("国庆节"); null when nobody said. */
  name: z.string().trim().max(100, { error: 'at most 100 characters' }).nullable().default(null),
});
export type SharedDay = z.output<typeof sharedDaySchema>;

/** One year of a shared calendar: the days off, and the weekend days worked in return (调休). */
export interface SharedYear {
  year: number;
  holidays: SharedDay[];
  workingDays: SharedDay[];
}

export interface SharedYearProblem {
  path: string;
  message: string;
}

/** Why a year's table cannot be used: a date outside the year, a date listed twice, or both kinds at once. */
export function sharedYearProblems(year: SharedYear): SharedYearProblem[] {
  const problems: SharedYearProblem[] = [];
  const seen = new Map<string, string>();
  for (const [list, days] of [['holidays', year.holidays], ['workingDays', year.workingDays]] as const) {
    days.forEach((day, index) => {
      const path = `${list}.${index}.date`;
      if (!day.date.startsWith(`${year.year}-`)) problems.push({ path, message: `${day.date} is not in ${year.year}` });
      const earlier = seen.get(day.date);
      if (earlier === undefined) seen.set(day.date, path);
      else if (earlier.startsWith(list)) problems.push({ path, message: `${day.date} is listed twice` });
      else problems.push({ path, message: `${day.date} is both a holiday and a working day` });
    });
  }
  return problems;
}

/** The years of a calendar: the package's, each replaced whole by a stored year of the same number. */
export function mergeSharedYears(packaged: readonly SharedYear[], stored: readonly SharedYear[]): SharedYear[] {
  const byYear = new Map<number, SharedYear>();
  for (const year of packaged) byYear.set(year.year, year);
  for (const year of stored) byYear.set(year.year, year);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** All dates off and all make-up working days over the given years. */
export function sharedDates(years: readonly SharedYear[]): { holidays: string[]; workingDays: string[] } {
  return {
    holidays: years.flatMap((y) => y.holidays.map((d) => d.date)),
    workingDays: years.flatMap((y) => y.workingDays.map((d) => d.date)),
  };
}

const DAY_MS = 86_400_000;

/**
 * Whether a change to these shared years can move business time counted from `from` to `to`
 * (epoch ms): only the days between them are read. A day of margin on each side covers any time
 * zone's new year. `undefined` years: any day may have changed.
 */
export function changeReaches(years: readonly number[] | undefined, from: number, to: number): boolean {
  if (years === undefined) return true;
  const first = new Date(Math.min(from, to) - DAY_MS).getUTCFullYear();
  const last = new Date(Math.max(from, to) + DAY_MS).getUTCFullYear();
  return years.some((year) => year >= first && year <= last);
}
