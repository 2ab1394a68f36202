import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { packagedYears } from '../../../db/shared-calendars/packaged';
import {
  addBusinessDuration,
  businessCalendarSchema,
  isWorkingDay,
  subtractCalendarDuration,
  withSharedDays,
  workingDaysAfter,
  type BusinessCalendar,
} from '../../../workflows/domain/business-calendar';
import { milestoneCheckTimes } from '../../../workflows/domain/milestone-schedule';
import { parseHolidayCsv, parseHolidayIcs } from '../../../workflows/domain/holiday-import';
import { mergeSharedYears, sharedDates, type SharedYear } from '../../../workflows/domain/shared-calendars';

const at = (iso: string): Date => DateTime.fromISO(iso, { zone: 'Asia/Shanghai' }).toJSDate();
const local = (date: Date): string => DateTime.fromJSDate(date, { zone: 'Asia/Shanghai' }).toFormat("yyyy-MM-dd'T'HH:mm ccc");
const days = (amount: number) => ({ amount, unit: 'business_days' as const });

/** What `resolveCalendar` gives a project that picked cn-mainland, over the given years (the package's by default). */
function cnMainland(own: Record<string, unknown> = {}, years: readonly SharedYear[] = packagedYears['cn-mainland']): BusinessCalendar {
  return withSharedDays(businessCalendarSchema.parse({ holidaysFrom: 'cn-mainland', ...own }), sharedDates(years));
}

const cn = cnMainland();
const weekendsOnly = businessCalendarSchema.parse({});

describe('the mainland China calendar on the official 2026 schedule', () => {
  it('ships the State Council’s 2026 国庆 and 中秋 days off and its make-up Sunday 20 September and Saturday 10 October', () => {
    const y2026 = packagedYears['cn-mainland'].find((y) => y.year === 2026)!;
    expect(y2026.holidays.filter((d) => d.date >= '2026-09-25' && d.date <= '2026-10-10').map((d) => d.date)).toEqual([
      '2026-09-25', '2026-09-26', '2026-09-27',
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
    ]);
    expect(y2026.workingDays.map((d) => `${d.date} ${d.name}`)).toEqual([
      '2026-01-04 元旦', '2026-02-14 春节', '2026-02-28 春节', '2026-05-09 劳动节', '2026-09-20 国庆节', '2026-10-10 国庆节',
    ]);
  });

  it('makes a 2-business-day acknowledgement asked at 15:00 on Wednesday 30 September 2026, the last working day before 国庆, fall due at 15:00 on Friday 9 October', () => {
    expect(local(addBusinessDuration(cn, at('2026-09-30T15:00'), days(2)))).toBe('2026-10-09T15:00 Fri');
    // Without the shared calendar it would have been due on Friday 2 October, in the middle of the holiday.
    expect(local(addBusinessDuration(weekendsOnly, at('2026-09-30T15:00'), days(2)))).toBe('2026-10-02T15:00 Fri');
  });

  it('counts the 调休 Saturday 10 October 2026 as a working day: 3 business days from 30 September 15:00 end that Saturday at 15:00', () => {
    expect(local(addBusinessDuration(cn, at('2026-09-30T15:00'), days(3)))).toBe('2026-10-10T15:00 Sat');
  });

  it('makes a 2-business-day acknowledgement asked on Friday 9 October 2026 fall due on Monday 12 October, the make-up Saturday between being worked', () => {
    expect(local(addBusinessDuration(cn, at('2026-10-09T15:00'), days(2)))).toBe('2026-10-12T15:00 Mon');
    expect(local(addBusinessDuration(weekendsOnly, at('2026-10-09T15:00'), days(2)))).toBe('2026-10-13T15:00 Tue');
  });

  it('works the make-up Sunday 20 September 2026: one business day from Friday 18 September 15:00 ends that Sunday at 15:00', () => {
    expect(local(addBusinessDuration(cn, at('2026-09-18T15:00'), days(1)))).toBe('2026-09-20T15:00 Sun');
  });

  it('runs a 3-business-day warning for a milestone due Monday 2 March 2026 on Thursday 26 February, counting the make-up Saturday 28 February after 春节', () => {
    const { warnAt } = milestoneCheckTimes({ dueAt: at('2026-03-02T09:00'), periodEnd: at('2026-12-31T18:00'), monitoringDays: 0, warningOffset: days(3), calendar: cn });
    expect(local(warnAt!)).toBe('2026-02-26T09:00 Thu');
    expect(local(subtractCalendarDuration(weekendsOnly, at('2026-03-02T09:00'), days(3)))).toBe('2026-02-25T09:00 Wed');
  });

  it('counts 4 working days after 30 September up to Monday 12 October 2026: 8, 9, the make-up 10 and 12 October', () => {
    expect(workingDaysAfter(cn, at('2026-09-30T10:00'), at('2026-10-12T10:00'))).toBe(4);
    expect(isWorkingDay(cn, at('2026-10-01T10:00'))).toBe(false);
    expect(isWorkingDay(cn, at('2026-10-10T10:00'))).toBe(true);
  });

  it('lets a project’s own lists win: its own holiday on the make-up Saturday stays off, its own working day in 国庆 is worked', () => {
    const own = cnMainland({ holidays: ['2026-10-10'], extraWorkingDays: ['2026-10-02'] });
    expect(isWorkingDay(own, at('2026-10-10T10:00'))).toBe(false);
    expect(isWorkingDay(own, at('2026-10-02T10:00'))).toBe(true);
    expect(businessCalendarSchema.safeParse(own).success).toBe(true);
  });
});

describe('a year the package does not know yet, imported by an admin', () => {
  it('counts only weekends in 2027 until a table for it is imported', () => {
    expect(packagedYears['cn-mainland'].some((y) => y.year === 2027)).toBe(false);
    expect(isWorkingDay(cn, at('2027-01-01T10:00'))).toBe(true);
  });

  it('with an imported 2027 table whose 元旦 is Friday 1 January, a 1-business-day wait asked on Thursday 31 December 2026 falls due on Monday 4 January 2027', () => {
    const imported = parseHolidayCsv('date,kind,name\n2027-01-01,holiday,元旦\n', 2027);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const calendar = cnMainland({}, mergeSharedYears(packagedYears['cn-mainland'], [imported.year]));
    expect(local(addBusinessDuration(calendar, at('2026-12-31T15:00'), days(1)))).toBe('2027-01-04T15:00 Mon');
  });

  it('replaces the package’s year whole when a year it ships is imported again', () => {
    const corrected: SharedYear = { year: 2026, holidays: [{ date: '2026-10-01', name: '国庆节' }], workingDays: [] };
    const calendar = cnMainland({}, mergeSharedYears(packagedYears['cn-mainland'], [corrected]));
    expect(isWorkingDay(calendar, at('2026-10-01T10:00'))).toBe(false);
    expect(isWorkingDay(calendar, at('2026-10-02T10:00'))).toBe(true);
    expect(isWorkingDay(calendar, at('2026-10-10T10:00'))).toBe(false);
    expect(isWorkingDay(calendar, at('2025-10-08T10:00'))).toBe(false);
  });
});

describe('reading a holiday table from CSV', () => {
  it('reads days off and make-up working days, with 休 and 班 as kinds and names kept', () => {
    const result = parseHolidayCsv('date,kind,name\r\n2027-10-01,休,国庆节\r\n2027-09-26,班,国庆节\r\n2027-01-01,holiday,\r\n', 2027);
    expect(result).toEqual({
      ok: true,
      year: {
        year: 2027,
        holidays: [{ date: '2027-01-01', name: null }, { date: '2027-10-01', name: '国庆节' }],
        workingDays: [{ date: '2027-09-26', name: '国庆节' }],
      },
    });
  });

  it('names the line and field of every bad row: a date that is no date, one of another year, an unknown kind, one day listed as both kinds', () => {
    const result = parseHolidayCsv('date,kind,name\n2027-02-30,holiday,x\n2026-10-01,holiday,x\n2027-10-01,vacation,x\n', 2027);
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, field: 'date', message: 'expected a date such as 2027-10-01, got "2027-02-30"' },
        { line: 3, field: 'date', message: '2026-10-01 is not in 2027' },
        { line: 4, field: 'kind', message: 'expected holiday (休) or working_day (班), got "vacation"' },
      ],
    });
    const both = parseHolidayCsv('date,kind\n2027-10-01,holiday\n2027-10-01,working_day\n', 2027);
    expect(both).toEqual({ ok: false, errors: [{ line: 3, field: 'date', message: '2027-10-01 is both a holiday and a working day' }] });
  });

  it('refuses a file without the date and kind columns, naming the header', () => {
    expect(parseHolidayCsv('day,type\n2027-10-01,holiday\n', 2027)).toEqual({
      ok: false,
      errors: [{ line: 1, field: 'header', message: 'the first row must name the columns date, kind and (optionally) name; missing date, kind' }],
    });
  });
});

describe('reading a holiday table from iCalendar', () => {
  const distFile = (name: string) => readFileSync(createRequire(import.meta.url).resolve(`chinese-days/dist/years/${name}`), 'utf8');

  it('reads chinese-days’ own 2026 feed, in Chinese and in English, into exactly the days of its table', () => {
    const table = packagedYears['cn-mainland'].find((y) => y.year === 2026)!;
    for (const file of ['2026.ics', '2026.en.ics']) {
      const result = parseHolidayIcs(distFile(file), 2026);
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (!result.ok) continue;
      expect(result.year.holidays.map((d) => d.date)).toEqual(table.holidays.map((d) => d.date));
      expect(result.year.workingDays.map((d) => d.date)).toEqual(table.workingDays.map((d) => d.date));
    }
    const zh = parseHolidayIcs(distFile('2026.ics'), 2026);
    expect(zh.ok && zh.year.workingDays.at(-1)).toEqual({ date: '2026-10-10', name: '国庆节' });
  });

  it('names the line of an event it cannot read: no date, or no mark telling a day off from a working day', () => {
    const ics = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:2027XX01', 'SUMMARY:元旦(休)', 'END:VEVENT', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20271001', 'SUMMARY:国庆节', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    expect(parseHolidayIcs(ics, 2027)).toEqual({
      ok: false,
      errors: [
        { line: 3, field: 'DTSTART', message: 'expected a date such as DTSTART;VALUE=DATE:20271001, got "2027XX01"' },
        { line: 8, field: 'SUMMARY', message: 'cannot tell a day off from a working day: mark the summary (休) or (班)' },
      ],
    });
  });

  it('refuses text that is not iCalendar', () => {
    expect(parseHolidayIcs('date,kind\n', 2027)).toEqual({ ok: false, errors: [{ line: 1, field: 'file', message: 'not an iCalendar file: no BEGIN:VCALENDAR' }] });
  });
});

describe('the business calendar schema', () => {
  it('accepts a shared calendar by id and refuses an unknown one, naming the field', () => {
    expect(businessCalendarSchema.parse({ holidaysFrom: 'cn-mainland' }).holidaysFrom).toBe('cn-mainland');
    const refused = businessCalendarSchema.safeParse({ holidaysFrom: 'cn-hongkong' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['holidaysFrom']);
  });
});
