import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  CalendarError,
  addBusinessDuration,
  addCalendarDuration,
  addDuration,
  businessCalendarSchema,
  defaultBusinessCalendar,
  isWorkingDay,
  isWorkingTime,
  nextWorkingMoment,
  subtractBusinessDuration,
  subtractCalendarDuration,
  workingDaysAfter,
  type BusinessCalendar,
} from '../../../workflows/domain/business-calendar';
import type { BusinessDuration } from '../../../workflows/domain/duration';

const at = (iso: string, zone = 'Asia/Shanghai'): Date => DateTime.fromISO(iso, { zone }).toJSDate();
const local = (date: Date, zone = 'Asia/Shanghai'): string =>
  DateTime.fromJSDate(date, { zone }).toFormat("yyyy-MM-dd'T'HH:mm ccc");

const shanghai = defaultBusinessCalendar;
const berlin = businessCalendarSchema.parse({ timeZone: 'Europe/Berlin' });
const days = (amount: number): BusinessDuration => ({ amount, unit: 'business_days' });
const hours = (amount: number): BusinessDuration => ({ amount, unit: 'business_hours' });

describe('business calendar schema', () => {
  it('defaults to Monday to Friday, 09:00 to 18:00 in Asia/Shanghai', () => {
    expect(shanghai).toEqual({
      timeZone: 'Asia/Shanghai',
      workingDays: [1, 2, 3, 4, 5],
      workStart: '09:00',
      workEnd: '18:00',
      holidays: [],
      extraWorkingDays: [],
    });
  });

  it('refuses an unknown zone, a day that ends before it starts and a date that is both off and on', () => {
    const messages = (input: unknown): string[] => businessCalendarSchema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];
    expect(messages({ timeZone: 'Europe/Atlantis' })).toEqual(['Europe/Atlantis is not an IANA time zone (e.g. Asia/Shanghai)']);
    expect(messages({ workStart: '18:00', workEnd: '09:00' })).toEqual(['the working day must end after it starts']);
    expect(messages({ holidays: ['2027-10-09'], extraWorkingDays: ['2027-10-09'] })).toEqual([
      '2027-10-09 is both a holiday and an extra working day',
    ]);
    expect(messages({ workingDays: [1, 1] })).toEqual(['a weekday is listed twice']);
    expect(messages({ workingDays: [0] })).toEqual(['weekdays go from 1 (Monday)']);
    expect(messages({ holidays: ['10/01/2027'] })).toEqual(['expected ISO dates such as 2027-10-01']);
  });
});

describe('addBusinessDuration', () => {
  it('ends a 2-business-day timeout started Friday 17:00 on Tuesday 17:00', () => {
    expect(local(addBusinessDuration(shanghai, at('2027-06-04T17:00'), days(2)))).toBe('2027-06-08T17:00 Tue');
  });

  it('starts counting at the next working moment when started outside working hours', () => {
    expect(local(addBusinessDuration(shanghai, at('2027-06-04T20:00'), hours(1)))).toBe('2027-06-07T10:00 Mon');
    expect(local(addBusinessDuration(shanghai, at('2027-06-05T10:00'), hours(1)))).toBe('2027-06-07T10:00 Mon');
    expect(local(addBusinessDuration(shanghai, at('2027-06-07T07:30'), hours(1)))).toBe('2027-06-07T10:00 Mon');
    expect(local(addBusinessDuration(shanghai, at('2027-06-05T10:00'), hours(0)))).toBe('2027-06-07T09:00 Mon');
  });

  it('counts Monday and Tuesday in full for 2 business days started on a weekend', () => {
    expect(local(addBusinessDuration(shanghai, at('2027-06-05T10:00'), days(2)))).toBe('2027-06-08T18:00 Tue');
  });

  it('ends at close of business rather than the next morning when the time runs out exactly', () => {
    expect(local(addBusinessDuration(shanghai, at('2027-06-07T09:00'), hours(9)))).toBe('2027-06-07T18:00 Mon');
  });

  it('skips holidays and works extra working days', () => {
    const goldenWeek = businessCalendarSchema.parse({
      holidays: ['2027-10-01', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
      extraWorkingDays: ['2027-10-09'],
    });
    expect(local(addBusinessDuration(goldenWeek, at('2027-09-30T17:00'), days(2)))).toBe('2027-10-09T17:00 Sat');
  });

  it('keeps local working hours across the spring daylight-saving switch in Berlin', () => {
    const end = addBusinessDuration(berlin, at('2027-03-26T17:00', 'Europe/Berlin'), days(2));
    expect(local(end, 'Europe/Berlin')).toBe('2027-03-30T17:00 Tue');
    expect(end.toISOString()).toBe('2027-03-30T15:00:00.000Z');
  });

  it('keeps local working hours across the autumn daylight-saving switch in Berlin', () => {
    const end = addBusinessDuration(berlin, at('2027-10-29T17:00', 'Europe/Berlin'), days(2));
    expect(end.toISOString()).toBe('2027-11-02T16:00:00.000Z');
  });

  it('lets a round-the-clock calendar count every hour', () => {
    const callCentre = businessCalendarSchema.parse({ workingDays: [1, 2, 3, 4, 5, 6, 7], workStart: '00:00', workEnd: '24:00' });
    expect(local(addBusinessDuration(callCentre, at('2027-06-04T20:00'), hours(30)))).toBe('2027-06-06T02:00 Sun');
    expect(local(addBusinessDuration(callCentre, at('2027-06-04T20:00'), days(1)))).toBe('2027-06-05T20:00 Sat');
  });

  it('refuses negative amounts with a typed error', () => {
    expect(() => addBusinessDuration(shanghai, at('2027-06-04T17:00'), hours(-1))).toThrow(CalendarError);
  });

  it('refuses amounts that would take more than ten years', () => {
    const error = (() => {
      try {
        addBusinessDuration(shanghai, at('2027-06-04T17:00'), days(5_000));
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(CalendarError);
    expect((error as CalendarError).code).toBe('no_working_time');
  });
});

describe('subtractBusinessDuration', () => {
  it('warns 3 business days before a Thursday 09:00 due time on Monday 09:00', () => {
    expect(local(subtractBusinessDuration(shanghai, at('2027-06-10T09:00'), days(3)))).toBe('2027-06-07T09:00 Mon');
  });

  it('undoes the Friday-to-Tuesday timeout', () => {
    expect(local(subtractBusinessDuration(shanghai, at('2027-06-08T17:00'), days(2)))).toBe('2027-06-04T17:00 Fri');
  });

  it('counts back from the previous working moment when the end is outside working hours', () => {
    expect(local(subtractBusinessDuration(shanghai, at('2027-06-06T12:00'), hours(1)))).toBe('2027-06-04T17:00 Fri');
  });
});

describe('plain durations', () => {
  it('keeps the local time for days across a daylight-saving switch, but counts hours as elapsed', () => {
    const saturday = at('2027-03-27T09:00', 'Europe/Berlin');
    expect(local(addDuration(berlin, saturday, { amount: 1, unit: 'days' }), 'Europe/Berlin')).toBe('2027-03-28T09:00 Sun');
    expect(local(addDuration(berlin, saturday, { amount: 24, unit: 'hours' }), 'Europe/Berlin')).toBe('2027-03-28T10:00 Sun');
  });

  it('adds months on the calendar, clamping to the end of a shorter month', () => {
    expect(local(addDuration(shanghai, at('2027-01-31T10:00'), { amount: 1, unit: 'months' }))).toBe('2027-02-28T10:00 Sun');
  });

  it('refuses fractional days', () => {
    expect(() => addDuration(shanghai, at('2027-01-31T10:00'), { amount: 1.5, unit: 'days' })).toThrow(CalendarError);
  });

  it('dispatches on the unit for offsets of either kind', () => {
    const due = at('2027-06-10T09:00');
    expect(local(subtractCalendarDuration(shanghai, due, days(3)))).toBe('2027-06-07T09:00 Mon');
    expect(local(subtractCalendarDuration(shanghai, due, { amount: 3, unit: 'days' }))).toBe('2027-06-07T09:00 Mon');
    expect(local(addCalendarDuration(shanghai, due, { amount: 30, unit: 'seconds' }))).toBe('2027-06-10T09:00 Thu');
  });
});

describe('working time', () => {
  it('tells working time from time off, with the end of the day not included', () => {
    expect(isWorkingTime(shanghai, at('2027-06-07T09:00'))).toBe(true);
    expect(isWorkingTime(shanghai, at('2027-06-07T18:00'))).toBe(false);
    expect(isWorkingTime(shanghai, at('2027-06-05T12:00'))).toBe(false);
    expect(local(nextWorkingMoment(shanghai, at('2027-06-07T18:00')))).toBe('2027-06-08T09:00 Tue');
    expect(local(nextWorkingMoment(shanghai, at('2027-06-07T12:00')))).toBe('2027-06-07T12:00 Mon');
  });
});

describe('business duration properties', () => {
  const calendars: BusinessCalendar[] = [
    shanghai,
    businessCalendarSchema.parse({ timeZone: 'Europe/Berlin', holidays: ['2027-03-29', '2027-10-29', '2027-12-24'] }),
    businessCalendarSchema.parse({ timeZone: 'America/New_York', workingDays: [7, 1, 2, 3, 4], workStart: '08:30', workEnd: '17:15', extraWorkingDays: ['2027-11-06'] }),
  ];
  const calendar = fc.constantFrom(...calendars);
  const moment = fc.date({ min: new Date('2026-06-01'), max: new Date('2028-06-01'), noInvalidDate: true });
  const duration = fc.oneof(
    fc.record({ amount: fc.integer({ min: 0, max: 300 }), unit: fc.constant('business_hours' as const) }),
    fc.record({ amount: fc.double({ min: 0, max: 40, noNaN: true }), unit: fc.constant('business_hours' as const) }),
    fc.record({ amount: fc.integer({ min: 0, max: 40 }), unit: fc.constant('business_days' as const) }),
  );
  /** Working time, or exactly the end of a working window. */
  const inWorkingTime = (cal: BusinessCalendar, date: Date): boolean =>
    isWorkingTime(cal, date) || isWorkingTime(cal, new Date(date.getTime() - 1));

  it('always ends in working time, never before the start', () => {
    fc.assert(
      fc.property(calendar, moment, duration, (cal, start, span) => {
        const end = addBusinessDuration(cal, start, span);
        expect(inWorkingTime(cal, end)).toBe(true);
        expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
      }),
    );
  });

  it('is monotonic in the start and in the amount', () => {
    fc.assert(
      fc.property(calendar, moment, moment, duration, fc.integer({ min: 0, max: 50 }), (cal, a, b, span, more) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addBusinessDuration(cal, early, span).getTime()).toBeLessThanOrEqual(addBusinessDuration(cal, late, span).getTime());
        const longer = { ...span, amount: span.amount + more };
        expect(addBusinessDuration(cal, early, span).getTime()).toBeLessThanOrEqual(addBusinessDuration(cal, early, longer).getTime());
      }),
    );
  });

  it('subtracts into working time, monotonically, never after the end', () => {
    fc.assert(
      fc.property(calendar, moment, moment, duration, (cal, a, b, span) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const start = subtractBusinessDuration(cal, late, span);
        expect(inWorkingTime(cal, start)).toBe(true);
        expect(start.getTime()).toBeLessThanOrEqual(late.getTime());
        expect(subtractBusinessDuration(cal, early, span).getTime()).toBeLessThanOrEqual(start.getTime());
      }),
    );
  });

  it('adds back exactly what it subtracted from a moment inside working hours', () => {
    fc.assert(
      fc.property(calendar, moment, duration, (cal, candidate, span) => {
        fc.pre(isWorkingTime(cal, candidate) && isWorkingTime(cal, new Date(candidate.getTime() - 1)));
        expect(addBusinessDuration(cal, subtractBusinessDuration(cal, candidate, span), span)).toEqual(candidate);
      }),
    );
  });
});

describe('working days left', () => {
  const monToFri = businessCalendarSchema.parse({ timeZone: 'Asia/Shanghai', holidays: ['2026-12-08'] });

  it('counts the working days after today up to and including the last day, in the calendar zone', () => {
    // Friday 4 Dec 2026 (Shanghai) to Wednesday 9 Dec: Mon 7 and Wed 9 (Tue 8 is a holiday).
    expect(workingDaysAfter(monToFri, new Date('2026-12-04T03:00:00Z'), new Date('2026-12-09T10:00:00Z'))).toBe(2);
  });

  it('is zero on the last day and after it', () => {
    expect(workingDaysAfter(monToFri, new Date('2026-12-09T03:00:00Z'), new Date('2026-12-09T10:00:00Z'))).toBe(0);
    expect(workingDaysAfter(monToFri, new Date('2026-12-10T03:00:00Z'), new Date('2026-12-09T10:00:00Z'))).toBe(0);
  });

  it('tells working days from days off, holidays and extra working days included', () => {
    const calendar = businessCalendarSchema.parse({ timeZone: 'UTC', holidays: ['2026-12-07'], extraWorkingDays: ['2026-12-05'] });
    expect([3, 4, 5, 6, 7, 8].map((d) => isWorkingDay(calendar, new Date(`2026-12-0${d}T12:00:00Z`)))).toEqual([true, true, true, false, false, true]);
  });
});
