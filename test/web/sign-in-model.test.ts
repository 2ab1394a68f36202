import { describe, expect, it } from 'vitest';
import { retryAfterSeconds } from '../../designer/src/api/client';
import { safeNext, signInPathFor, waitText } from '../../designer/src/auth/sign-in-model';
import { i18next } from '../../designer/src/i18n/i18n';

describe('returning after sign-in', () => {
  it('returns to a page of this site, with its query, and nowhere else', () => {
    expect(safeNext('/projects/42?tab=risks')).toBe('/projects/42?tab=risks');
    expect(safeNext('/account')).toBe('/account');
    for (const elsewhere of ['//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', null, undefined]) {
      expect(safeNext(elsewhere), String(elsewhere)).toBe('/projects');
    }
  });

  it('never returns to the sign-in page itself', () => {
    expect(safeNext('/sign-in')).toBe('/projects');
    expect(safeNext('/sign-in?next=%2Finbox')).toBe('/projects');
  });

  it('keeps the page asked for in the sign-in address, and leaves it out for the home page', () => {
    expect(signInPathFor('/projects/42', 'tab=risks')).toBe(`/sign-in?next=${encodeURIComponent('/projects/42?tab=risks')}`);
    expect(signInPathFor('/inbox', '')).toBe('/sign-in?next=%2Finbox');
    expect(signInPathFor('/', '')).toBe('/sign-in');
  });
});

describe('the wait after too many sign-in attempts', () => {
  it('reads in the largest whole unit, rounded up', () => {
    expect(waitText(1)).toBe('1 second');
    expect(waitText(42)).toBe('42 seconds');
    expect(waitText(60)).toBe('1 minute');
    expect(waitText(61)).toBe('2 minutes');
    expect(waitText(15 * 60)).toBe('15 minutes');
    expect(waitText(3601)).toBe('2 hours');
  });

  it('reads in the language the page shows', async () => {
    await i18next.changeLanguage('zh-CN');
    try {
      expect([waitText(42), waitText(61), waitText(3601)]).toEqual(['42 秒', '2 分钟', '2 小时']);
    } finally {
      await i18next.changeLanguage('en');
    }
  });

  it('comes from Retry-After as seconds or as a date', () => {
    const now = Date.parse('2027-03-01T12:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Mon, 01 Mar 2027 12:05:00 GMT', now)).toBe(300);
    expect(retryAfterSeconds(null, now)).toBeNull();
    expect(retryAfterSeconds('soon', now)).toBeNull();
  });
});
