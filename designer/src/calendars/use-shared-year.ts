import { useQuery } from '@tanstack/react-query';
import { loadSharedYear, sharedYearKey } from './calendars-api';
import type { SharedCalendarId } from '../../../workflows/domain/shared-calendars';

/**
 * A shared calendar's year as it applies now (null when nobody has published it). Kept a minute
 * (a year changes rarely, and several fields of a page ask for the same one); an admin's change
 * invalidates it.
 */
export function useSharedYear(calendarId: SharedCalendarId | undefined, year: number | null) {
  return useQuery({
    queryKey: calendarId && year !== null ? sharedYearKey(calendarId, year) : ['calendars', 'none'],
    queryFn: ({ signal }) => (calendarId && year !== null ? loadSharedYear(calendarId, year, signal) : Promise.resolve(null)),
    enabled: calendarId !== undefined && year !== null,
    staleTime: 60_000,
  });
}
