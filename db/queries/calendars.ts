import { sql } from 'kysely';
import type { Db } from '../connect';
import type { SharedCalendarYearRow } from '../schema';
import { withSharedDays, type BusinessCalendar } from '../../workflows/domain/business-calendar';
import { calendarOrDefault } from '../../workflows/domain/milestone-schedule';
import { mergeSharedYears, sharedDates, type SharedCalendarId, type SharedYear } from '../../workflows/domain/shared-calendars';
import { packagedYears } from '../shared-calendars/packaged';

const toYear = (row: Pick<SharedCalendarYearRow, 'year' | 'holidays' | 'workingDays'>): SharedYear => ({ year: row.year, holidays: row.holidays, workingDays: row.workingDays });

export async function listStoredYears(db: Db, calendarId: SharedCalendarId): Promise<SharedCalendarYearRow[]> {
  return db.selectFrom('shared_calendar_years').selectAll().where('calendarId', '=', calendarId).orderBy('year').execute();
}

export async function findStoredYear(db: Db, calendarId: SharedCalendarId, year: number): Promise<SharedCalendarYearRow | undefined> {
  return db.selectFrom('shared_calendar_years').selectAll().where('calendarId', '=', calendarId).where('year', '=', year).executeTakeFirst();
}

/** Stores a year whole, replacing what was stored for it (and, in effect, the package's year). */
export async function upsertStoredYear(db: Db, row: { calendarId: SharedCalendarId; table: SharedYear; source: SharedCalendarYearRow['source']; updatedBy: string }): Promise<SharedCalendarYearRow> {
  const values = {
    calendarId: row.calendarId,
    year: row.table.year,
    holidays: JSON.stringify(row.table.holidays),
    workingDays: JSON.stringify(row.table.workingDays),
    source: row.source,
    updatedBy: row.updatedBy,
    updatedAt: new Date(),
  };
  return db
    .insertInto('shared_calendar_years')
    .values(values)
    .onConflict((oc) => oc.columns(['calendarId', 'year']).doUpdateSet({ holidays: values.holidays, workingDays: values.workingDays, source: values.source, updatedBy: values.updatedBy, updatedAt: values.updatedAt }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Forgets a stored year, so the package's year (if it has one) applies again; false when none was stored. */
export async function deleteStoredYear(db: Db, calendarId: SharedCalendarId, year: number): Promise<boolean> {
  const deleted = await db.deleteFrom('shared_calendar_years').where('calendarId', '=', calendarId).where('year', '=', year).executeTakeFirst();
  return deleted.numDeletedRows > 0n;
}

/** Projects following a shared calendar whose lifecycle has timers running (execution, monitoring). */
export async function listProjectsFollowing(db: Db, calendarId: SharedCalendarId): Promise<string[]> {
  const rows = await db
    .selectFrom('sales_projects')
    .select('id')
    .where(sql<string>`calendar->>'holidaysFrom'`, '=', calendarId)
    .where('phase', 'in', ['execution', 'monitoring'])
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/** The workflow ids of flow runs still running for projects that follow a shared calendar. */
export async function listFlowRunsFollowing(db: Db, calendarId: SharedCalendarId): Promise<string[]> {
  const rows = await db
    .selectFrom('flow_runs as r')
    .innerJoin('sales_projects as p', 'p.id', 'r.projectId')
    .select('r.workflowId')
    .where(sql<string>`p.calendar->>'holidaysFrom'`, '=', calendarId)
    .where('r.status', '=', 'running')
    .orderBy('r.workflowId')
    .execute();
  return rows.map((row) => row.workflowId);
}

/** Every year of a shared calendar: the package's, with the stored ones in place of theirs. */
export async function sharedCalendarYears(db: Db, calendarId: SharedCalendarId): Promise<SharedYear[]> {
  return mergeSharedYears(packagedYears[calendarId], (await listStoredYears(db, calendarId)).map(toYear));
}

/**
 * The business calendar a stored project calendar means, ready for counting business time: the
 * default one when none (or an unreadable one) is stored, with the days of the shared calendar it
 * names. Every business-time computation (warning times, flow deadlines, working-day checks, test
 * runs) resolves a project's calendar here, so an admin's import applies to all of them.
 */
export async function resolveCalendar(db: Db, stored: unknown): Promise<BusinessCalendar> {
  const calendar = calendarOrDefault(stored);
  if (calendar.holidaysFrom === undefined) return calendar;
  return withSharedDays(calendar, sharedDates(await sharedCalendarYears(db, calendar.holidaysFrom)));
}
