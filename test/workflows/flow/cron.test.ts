import { describe, expect, it } from 'vitest';
import { checkCron } from '../../../workflows/flow';

describe('cron check', () => {
  it.each(['0 9 * * MON', '*/15 * * * *', '0 8-18/2 1,15 JAN-JUN 1-5', '30 17 * * 7', '5/10 0 1 1 *', '@weekly'])(
    'accepts %s',
    (expression) => {
      expect(checkCron(expression)).toBeNull();
    },
  );

  it('asks for five parts and shows an example when the count is wrong', () => {
    expect(checkCron('0 9 * *')).toMatch(/five parts.*"0 9 \* \* MON"/);
    expect(checkCron('0 9 * * * *')).toMatch(/five parts/);
  });

  it('names the field and its range when a value is out of range', () => {
    expect(checkCron('61 * * * *')).toBe('"61" is not a valid minute (allowed: 0–59).');
    expect(checkCron('0 24 * * *')).toMatch(/hour/);
    expect(checkCron('0 0 0 * *')).toMatch(/day of the month/);
    expect(checkCron('0 0 * 13 *')).toMatch(/month/);
    expect(checkCron('0 0 * * FUNDAY')).toMatch(/day of the week/);
  });

  it('refuses backward ranges, zero steps and unknown shortcuts', () => {
    expect(checkCron('0 18-9 * * *')).toMatch(/runs backwards/);
    expect(checkCron('*/0 * * * *')).toMatch(/step/);
    expect(checkCron('@fortnightly')).toMatch(/not a known shortcut/);
    expect(checkCron('0 9 * * MON,')).not.toBeNull();
  });
});
