import { DateTime } from 'luxon';
import { currentLanguage, i18next } from '../i18n/i18n';
import { inPageLanguage } from './format';

// Times are shown in the reader's own time zone (the browser's, through Intl), with a hint of how
// far away they are, in the page's language. Where a date belongs to the project's business
// calendar (a split's month ends), its `timeZone` is given. The API speaks UTC instants.

/** Where a date or time is read: the project calendar's zone, else the browser's. */
export interface ZoneOption {
  timeZone?: string | undefined;
}

export const userTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const zoned = (options: Intl.DateTimeFormatOptions, timeZone: string | undefined): Intl.DateTimeFormatOptions => (timeZone === undefined ? options : { ...options, timeZone });

/** "12 Mar 2027, 18:00" / "2027年3月12日 18:00". */
export const formatDateTime = (iso: string, { timeZone }: ZoneOption = {}): string =>
  inPageLanguage(`dateTime ${timeZone ?? ''}`, (language) => new Intl.DateTimeFormat(language, zoned({ dateStyle: 'medium', timeStyle: 'short' }, timeZone))).format(new Date(iso));

/** A moment to the second with its zone, for a tooltip: "Tuesday, May 4, 2027 at 6:00:00 PM UTC", "2027年5月4日星期二 协调世界时 18:00:00". */
export const formatMoment = (iso: string, { timeZone }: ZoneOption = {}): string =>
  inPageLanguage(`moment ${timeZone ?? ''}`, (language) => new Intl.DateTimeFormat(language, zoned({ dateStyle: 'full', timeStyle: 'long' }, timeZone))).format(new Date(iso));

/**
 * A day. `long` (the default) as people write it: "Mar 31, 2027" in English, "2027年3月31日" in
 * Chinese; `short` for tables and tight spots: "2027-03-31" in either.
 */
export function formatDate(iso: string, { timeZone, style = 'long' }: ZoneOption & { style?: 'long' | 'short' } = {}): string {
  const date = new Date(iso);
  if (style === 'short') {
    const parts = inPageLanguage(`isoDay ${timeZone ?? ''}`, () => new Intl.DateTimeFormat('en-CA', zoned({ year: 'numeric', month: '2-digit', day: '2-digit' }, timeZone))).formatToParts(date);
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  }
  return dayFormat(timeZone).format(date);
}

// English pages keep the medium style they always showed ("Mar 31, 2027"); Chinese reads the long one.
const dayFormat = (timeZone: string | undefined) => inPageLanguage(`date ${timeZone ?? ''}`, (language) => new Intl.DateTimeFormat(language, zoned({ dateStyle: language === 'zh-CN' ? 'long' : 'medium' }, timeZone)));

const shortDate = () => inPageLanguage('monthDay', (language) => new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric' }));
const shortTime = () => inPageLanguage('hourMinute', (language) => new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }));
const shortSeconds = () => inPageLanguage('hourMinuteSecond', (language) => new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' }));
const relative = () => inPageLanguage('relative', (language) => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }));

/** "Mar 31" / "3月31日". */
export const formatShortDate = (value: string | number): string => shortDate().format(new Date(value));

/** Tick labels for a time axis spanning `spanMs`: dates for long spans, clock times for a day or less. */
export function timeTickFormatter(spanMs: number): (value: number) => string {
  if (spanMs > 2 * 86_400_000) return (value) => shortDate().format(new Date(value));
  if (spanMs > 10 * 60_000) return (value) => shortTime().format(new Date(value));
  return (value) => shortSeconds().format(new Date(value));
}

/**
 * A time zone as the page's reader knows it: its name in Chinese ("中国标准时间"), where Intl has
 * one; English pages keep the IANA identifier ("Asia/Shanghai") they always showed.
 */
export function timeZoneLabel(timeZone: string): string {
  if (currentLanguage() === 'en') return timeZone;
  for (const style of ['longGeneric', 'long'] as const) {
    const name = new Intl.DateTimeFormat(currentLanguage(), { timeZone, timeZoneName: style }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value;
    if (name && !name.startsWith('GMT')) return name;
  }
  return timeZone;
}

const steps: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 2 days", "3 hours ago", "now": the largest unit that fits, rounded. */
export function fromNow(iso: string, now: number = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  for (const [unit, size] of steps) {
    if (Math.abs(diff) >= size) return relative().format(Math.round(diff / size), unit);
  }
  return relative().format(0, 'second');
}

// What date and date-time inputs hold, read and shown in a zone: a project's days and due times in
// its business calendar's (the API keeps them as instants, the calendar says where they fall),
// a person's own (an absence, an audit filter) in the browser's when no zone is given.

const local = (timeZone: string | undefined) => ({ zone: timeZone ?? 'local' });
const inZone = (at: Date | string, timeZone: string | undefined): DateTime => DateTime.fromJSDate(new Date(at), local(timeZone));
const isoWithOffset = (moment: DateTime | null | undefined): string | undefined => (moment?.isValid ? (moment.toISO({ suppressMilliseconds: true }) ?? undefined) : undefined);

/** The start of a date input's day (`2027-03-31`) in the zone; null when empty or not a date. */
const dayIn = (value: string, timeZone: string | undefined): DateTime | null => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? DateTime.fromISO(value, local(timeZone)) : null);

/** `2027-03-31` (a date input) → the start of that day in the zone, as the API wants it; undefined when empty or not a date. */
export const startOfDay = (value: string, { timeZone }: ZoneOption = {}): string | undefined => isoWithOffset(dayIn(value, timeZone));

/** The first moment after the given day in the zone: how the API bounds a period that runs "to the end of" it. */
export const afterDay = (value: string, { timeZone }: ZoneOption = {}): string | undefined =>
  // A calendar day in the zone itself, so a day the clocks change on ends at the next midnight (23 or 25 hours).
  isoWithOffset(dayIn(value, timeZone)?.plus({ days: 1 }));

/** `2027-03-31T18:00` (a datetime-local input) → that moment in the zone, as the API wants it; undefined when empty or not a time. */
export const fromLocalInput = (value: string, { timeZone }: ZoneOption = {}): string | undefined =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? isoWithOffset(DateTime.fromISO(value, local(timeZone))) : undefined;

/** A moment as a date input shows it, in the zone. */
export const dateInputValue = (at: Date | string, { timeZone }: ZoneOption = {}): string => inZone(at, timeZone).toFormat('yyyy-MM-dd');

/** The last day of a half-open period ending at `iso`, as a date input shows it, in the zone. */
export const lastDayInputValue = (iso: string, zone: ZoneOption = {}): string => dateInputValue(new Date(Date.parse(iso) - 1), zone);

/** A moment as a datetime-local input shows it, in the zone (to the minute). */
export const dateTimeInputValue = (at: Date | string, { timeZone }: ZoneOption = {}): string => inZone(at, timeZone).toFormat("yyyy-MM-dd'T'HH:mm");

/** A half-open period as people say it, from its first to its last day: "Mar 1, 2027 – Mar 31, 2027", "2027年3月1日至2027年3月31日". */
export const formatPeriod = (start: string, end: string, zone: ZoneOption = {}): string =>
  i18next.t('shared:time.period', { first: formatDate(start, zone), last: formatDate(new Date(Date.parse(end) - 1).toISOString(), zone) });
