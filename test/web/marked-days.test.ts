import { describe, expect, it } from 'vitest';
import { calendarDate, markedDay, withDay, yearChanges } from '../../designer/src/calendars/marked-days';

const year2026 = {
  holidays: [
    { date: '2026-10-01', name: '国庆节' },
    { date: '2026-10-02', name: '国庆节' },
  ],
  workingDays: [{ date: '2026-10-10', name: '国庆节' }],
};
const own = { holidays: [] as string[], extraWorkingDays: [] as string[] };

describe('the marked days of a shared calendar year', () => {
  it('names a holiday and a 调休 Saturday of the shared year, and nothing for an ordinary day', () => {
    expect(markedDay('2026-10-01', own, year2026)).toEqual({ kind: 'holiday', name: '国庆节' });
    expect(markedDay('2026-10-10', own, year2026)).toEqual({ kind: 'workingDay', name: '国庆节' });
    expect(markedDay('2026-10-13', own, year2026)).toBeNull();
    expect(markedDay('2026-10-01', own, null)).toBeNull();
  });

  it('lets the project’s own holidays and extra working days win over the shared year, as the engine counts', () => {
    expect(markedDay('2026-10-10', { holidays: ['2026-10-10'], extraWorkingDays: [] }, year2026)).toEqual({ kind: 'holiday', name: null });
    expect(markedDay('2026-10-01', { holidays: [], extraWorkingDays: ['2026-10-01'] }, year2026)).toEqual({ kind: 'workingDay', name: null });
  });

  it('reads a datetime-local value as that moment’s date where the project works, and a date as it is', () => {
    // 20:00 in UTC on 30 September is already 1 October in Shanghai.
    expect(calendarDate('2026-09-30T20:00Z', 'Asia/Shanghai')).toBe('2026-10-01');
    expect(calendarDate('2026-10-10', 'Asia/Shanghai')).toBe('2026-10-10');
    // A datetime-local value is the calendar's own time (the plan's inputs are), wherever the browser is.
    expect(calendarDate('2026-10-01T23:30', 'Asia/Shanghai')).toBe('2026-10-01');
    expect(calendarDate('2026-10-01T00:30', 'America/Los_Angeles')).toBe('2026-10-01');
    expect(calendarDate('', 'Asia/Shanghai')).toBeNull();
    expect(calendarDate('not a date', 'Asia/Shanghai')).toBeNull();
  });

  it('lists what a new table adds, changes and removes, in date order, and nothing that stays', () => {
    const after = { holidays: [{ date: '2026-10-01', name: '国庆节' }, { date: '2026-10-03', name: '国庆节' }], workingDays: [{ date: '2026-10-02', name: null }] };
    expect(yearChanges(year2026, after)).toEqual([
      { date: '2026-10-02', before: { kind: 'holiday', name: '国庆节' }, after: { kind: 'workingDay', name: null } },
      { date: '2026-10-03', before: null, after: { kind: 'holiday', name: '国庆节' } },
      { date: '2026-10-10', before: { kind: 'workingDay', name: '国庆节' }, after: null },
    ]);
    expect(yearChanges(null, year2026).map((c) => c.date)).toEqual(['2026-10-01', '2026-10-02', '2026-10-10']);
  });

  it('marks one day anew and keeps the rest of the year sorted, or unmarks it', () => {
    expect(withDay(year2026, '2026-10-10', 'holiday', '国庆节')).toEqual({
      holidays: [{ date: '2026-10-01', name: '国庆节' }, { date: '2026-10-02', name: '国庆节' }, { date: '2026-10-10', name: '国庆节' }],
      workingDays: [],
    });
    expect(withDay(year2026, '2026-10-02', null, null).holidays).toEqual([{ date: '2026-10-01', name: '国庆节' }]);
    expect(withDay(null, '2031-01-01', 'holiday', '元旦')).toEqual({ holidays: [{ date: '2031-01-01', name: '元旦' }], workingDays: [] });
  });
});
