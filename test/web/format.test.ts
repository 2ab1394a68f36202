import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '../../designer/src/i18n/i18n';
import { amountAsTyped, formatAmount, formatCompact, formatCompactAmount, formatNumber, formatPct } from '../../designer/src/shared/format';
import { afterDay, dateInputValue, formatDate, formatDateTime, formatMoment, formatPeriod, fromLocalInput, fromNow, lastDayInputValue, startOfDay, timeZoneLabel } from '../../designer/src/shared/time';

// 2027-03-31 20:00 in Shanghai; still the 31st in UTC.
const evening = '2027-03-31T12:00:00.000Z';

describe('figures and dates in the page’s language', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('keeps English figures as they always read: grouped digits, the currency code after the figure, a spaced percent', async () => {
    await i18next.changeLanguage('en');
    expect(formatNumber(5_000_000)).toBe('5,000,000');
    expect(formatNumber('9007199254740993')).toBe('9,007,199,254,740,993');
    expect(formatAmount('1200000', 'CNY')).toBe('1,200,000 CNY');
    expect(formatAmount(120, 'customers')).toBe('120 customers');
    expect(formatAmount(120, '')).toBe('120');
    expect(formatPct(80)).toBe('80 %');
    expect(formatPct(null)).toBe('—');
    expect(formatCompact(5_000_000)).toBe('5M');
    expect(formatCompactAmount(5_000_000, 'CNY')).toBe('5M CNY');
  });

  it('writes money as Chinese users do, ¥5,000,000.00, and large figures in 万 where they are short', async () => {
    await i18next.changeLanguage('zh-CN');
    expect(formatAmount(5_000_000, 'CNY')).toBe('¥5,000,000.00');
    expect(formatAmount('1200000.5', 'CNY')).toBe('¥1,200,000.50');
    expect(formatAmount(120, '个客户')).toBe('120 个客户');
    expect(formatAmount(5_000_000, 'Cny')).toBe('5,000,000 Cny');
    expect(formatCompact(5_000_000)).toBe('500万');
    expect(formatCompact(120_000_000)).toBe('1.2亿');
    expect(formatCompactAmount(5_000_000, 'CNY')).toBe('¥500万');
    expect(formatPct(80)).toBe('80%');
  });

  it('keeps English dates in the medium style, in the zone asked for', async () => {
    await i18next.changeLanguage('en');
    expect(formatDate(evening, { timeZone: 'Asia/Shanghai' })).toBe('Mar 31, 2027');
    expect(formatDate(evening, { timeZone: 'Asia/Shanghai', style: 'short' })).toBe('2027-03-31');
    expect(formatDateTime(evening, { timeZone: 'Asia/Shanghai' })).toBe('Mar 31, 2027, 8:00 PM');
    expect(formatPeriod('2027-03-01T00:00:00+08:00', '2027-04-01T00:00:00+08:00', { timeZone: 'Asia/Shanghai' })).toBe('Mar 1, 2027 – Mar 31, 2027');
    expect(fromNow('2027-04-02T12:00:00.000Z', Date.parse(evening))).toBe('in 2 days');
    expect(timeZoneLabel('Asia/Shanghai')).toBe('Asia/Shanghai');
  });

  it('writes Chinese dates as 2027年3月31日 (long) or 2027-03-31 (short), in the project calendar’s zone', async () => {
    await i18next.changeLanguage('zh-CN');
    expect(formatDate(evening, { timeZone: 'Asia/Shanghai' })).toBe('2027年3月31日');
    expect(formatDate(evening, { timeZone: 'Asia/Shanghai', style: 'short' })).toBe('2027-03-31');
    // Half past four in the afternoon UTC is already the next day in Shanghai.
    expect(formatDate('2027-03-31T16:30:00.000Z', { timeZone: 'Asia/Shanghai', style: 'short' })).toBe('2027-04-01');
    expect(formatDate('2027-03-31T16:30:00.000Z', { timeZone: 'UTC', style: 'short' })).toBe('2027-03-31');
    expect(formatDateTime(evening, { timeZone: 'Asia/Shanghai' })).toBe('2027年3月31日 20:00');
    expect(formatMoment(evening, { timeZone: 'Asia/Shanghai' })).toMatch(/^2027年3月31日星期三 .*20:00:00$/);
    expect(formatPeriod('2027-03-01T00:00:00+08:00', '2027-04-01T00:00:00+08:00', { timeZone: 'Asia/Shanghai' })).toBe('2027年3月1日至2027年3月31日');
    expect(fromNow('2027-04-03T12:00:00.000Z', Date.parse(evening))).toBe('3天后');
    expect(timeZoneLabel('Asia/Shanghai')).toBe('中国标准时间');
    expect(timeZoneLabel('UTC')).toBe('协调世界时');
  });

  it('takes an amount typed with its digits grouped as the number it is, and leaves anything else for the API to judge', () => {
    expect(amountAsTyped(' 1,200,000 ')).toBe('1200000');
    expect(amountAsTyped('1，200，000.50')).toBe('1200000.50');
    expect(amountAsTyped('-12 345')).toBe('-12345');
    expect(amountAsTyped('9,007,199,254,740,993')).toBe('9007199254740993');
    // Not digit groups: as typed.
    expect(amountAsTyped('1,2')).toBe('1,2');
    expect(amountAsTyped('1,200 000')).toBe('1,200 000');
    expect(amountAsTyped('12,00,000')).toBe('12,00,000');
    expect(amountAsTyped('lots')).toBe('lots');
  });

  it('reads a plan’s days and times in the calendar’s zone, a day the clocks change on included', () => {
    const berlin = { timeZone: 'Europe/Berlin' };
    expect(startOfDay('2030-03-31', berlin)).toBe('2030-03-31T00:00:00+01:00');
    // Clocks go forward on 31 March 2030: the day has 23 hours and ends at the next midnight.
    expect(afterDay('2030-03-31', berlin)).toBe('2030-04-01T00:00:00+02:00');
    expect(afterDay('2027-10-31', berlin)).toBe('2027-11-01T00:00:00+01:00');
    expect(lastDayInputValue('2030-04-01T00:00:00+02:00', berlin)).toBe('2030-03-31');
    expect(dateInputValue('2026-12-31T16:00:00.000Z', { timeZone: 'Asia/Shanghai' })).toBe('2027-01-01');
    expect(fromLocalInput('2027-02-26T18:00', { timeZone: 'Asia/Shanghai' })).toBe('2027-02-26T18:00:00+08:00');
    expect([startOfDay('31/03/2027', berlin), afterDay('', berlin), fromLocalInput('soon', berlin)]).toEqual([undefined, undefined, undefined]);
  });
});
