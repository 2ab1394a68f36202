import { describe, expect, it } from 'vitest';
import { instantSchema } from '../../../workflows/domain/instant';
import { isValidTimeZone } from '../../../workflows/domain/time-zone';

describe('instantSchema', () => {
  const schema = instantSchema({ missing: 'no deadline' });

  it('takes Dates and ISO date-times with an offset', () => {
    expect(schema.parse('2027-01-01T00:00:00+08:00')).toEqual(new Date('2026-12-31T16:00:00Z'));
    expect(schema.parse(new Date('2027-01-01T00:00:00Z'))).toEqual(new Date('2027-01-01T00:00:00Z'));
  });

  it('refuses local date-times, invalid Dates and missing values with its messages', () => {
    expect(schema.safeParse('2027-01-01T00:00:00').error?.issues[0]?.message).toBe(
      'expected a date-time with an offset, e.g. 2027-01-01T00:00:00+08:00',
    );
    expect(schema.safeParse(new Date('nonsense')).success).toBe(false);
    expect(schema.safeParse(undefined).error?.issues[0]?.message).toBe('no deadline');
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA zones and nothing else', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
  });
});
