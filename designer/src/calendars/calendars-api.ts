import { z } from 'zod';
import { queryClient } from '../app/queries';
import { isNotFound, requestJson, requestVoid } from '../shared/request';
import { SharedCalendar, SharedCalendarYear, SharedCalendarYearChange } from '../../../api/contract/calendars';
import type { SharedCalendarId, SharedDay } from '../../../workflows/domain/shared-calendars';

export type SharedYearView = z.infer<typeof SharedCalendarYear>;
export type SharedCalendarView = z.infer<typeof SharedCalendar>;

/** Every query of this folder starts with it, so a change to a year invalidates them all at once. */
export const calendarsKey = ['calendars'] as const;
export const sharedYearKey = (calendarId: SharedCalendarId, year: number) => [...calendarsKey, calendarId, year] as const;

/** After a change: the list of years and every year asked for again. */
export const refreshCalendars = () => queryClient.invalidateQueries({ queryKey: calendarsKey });

const yearPath = (calendarId: SharedCalendarId, year: number) => `/api/calendars/${calendarId}/years/${year}`;

export const loadSharedCalendars = ({ signal }: { signal?: AbortSignal } = {}) => requestJson(z.array(SharedCalendar), 'GET', '/api/calendars', undefined, signal);

/** A year as it applies now, or null when nobody has published it (the API's 404). */
export async function loadSharedYear(calendarId: SharedCalendarId, year: number, signal?: AbortSignal): Promise<SharedYearView | null> {
  try {
    return await requestJson(SharedCalendarYear, 'GET', yearPath(calendarId, year), undefined, signal);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Replaces the year's whole table (admins). */
export const storeSharedYear = (calendarId: SharedCalendarId, year: number, table: { holidays: SharedDay[]; workingDays: SharedDay[] }) =>
  requestJson(SharedCalendarYearChange, 'PUT', yearPath(calendarId, year), table);

/** Imports a file's text as the year (admins): all of it, or a 400 naming each bad line. */
export const importSharedYear = (calendarId: SharedCalendarId, year: number, format: 'csv' | 'ics', text: string) =>
  requestJson(SharedCalendarYearChange, 'POST', `${yearPath(calendarId, year)}/import`, { format, text });

/** Forgets what was stored for the year, so the built-in days apply again (admins). */
export const forgetSharedYear = (calendarId: SharedCalendarId, year: number) => requestVoid('DELETE', yearPath(calendarId, year));
