import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { SharedCalendarId, SharedDay, SharedYear } from '../../workflows/domain/shared-calendars';

/** chinese-days names a day "National Day,国庆节,3" (English, Chinese, its own number): keep the Chinese. */
const nameOf = (label: string): string | null => label.split(',')[1]?.trim() || null;

function byYear(table: Record<string, string>, into: Map<number, SharedYear>, list: 'holidays' | 'workingDays'): void {
  for (const [date, label] of Object.entries(table)) {
    const year = Number(date.slice(0, 4));
    const entry = into.get(year) ?? { year, holidays: [], workingDays: [] };
    const day: SharedDay = { date, name: nameOf(label) };
    entry[list].push(day);
    into.set(year, entry);
  }
}

function fromChineseDays(): SharedYear[] {
  const years = new Map<number, SharedYear>();
  byYear(chineseDays.holidays, years, 'holidays');
  byYear(chineseDays.workdays, years, 'workingDays');
  const sorted = (days: SharedDay[]) => days.sort((a, b) => (a.date < b.date ? -1 : 1));
  return [...years.values()].sort((a, b) => a.year - b.year).map((y) => ({ ...y, holidays: sorted(y.holidays), workingDays: sorted(y.workingDays) }));
}

/**
 * The years each shared calendar ships with, read once: mainland China's statutory holidays and
 * 调休 working days as the chinese-days package (see package.json for its version) records them.
 */
export const packagedYears: Record<SharedCalendarId, readonly SharedYear[]> = {
  'cn-mainland': fromChineseDays(),
};
