import { currentLanguage } from '../i18n/i18n';

/** Noon UTC of an ISO date: the same calendar day in every zone a formatter is told (UTC). */
const dayOf = (date: string) => new Date(`${date}T12:00:00Z`);

/** "Thu, Oct 1" / "10月1日周四": a day of a holiday table, in the page's language. */
export const formatDay = (date: string): string =>
  new Intl.DateTimeFormat(currentLanguage(), { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(dayOf(date));

/** "October 2027" / "2027年10月": a month heading of a year's days. */
export const formatMonth = (date: string): string => new Intl.DateTimeFormat(currentLanguage(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(dayOf(date));
