import { describe, expect, it } from 'vitest';
import { calendarDurationSchema, isBusinessDuration, plainDurationSchema } from '../../../workflows/domain/duration';

describe('duration schemas', () => {
  it('accepts business and plain offsets and tells them apart', () => {
    const business = calendarDurationSchema.parse({ amount: 3, unit: 'business_days' });
    const plain = calendarDurationSchema.parse({ amount: 30, unit: 'seconds' });
    expect(isBusinessDuration(business)).toBe(true);
    expect(isBusinessDuration(plain)).toBe(false);
  });

  it('refuses negative amounts, fractional days and unknown units', () => {
    expect(plainDurationSchema.safeParse({ amount: -1, unit: 'hours' }).error?.issues[0]?.message).toBe(
      'the amount cannot be negative; subtract instead',
    );
    expect(plainDurationSchema.safeParse({ amount: 1.5, unit: 'days' }).error?.issues[0]?.message).toBe(
      'days, weeks and months must be whole numbers',
    );
    expect(plainDurationSchema.safeParse({ amount: 1.5, unit: 'hours' }).success).toBe(true);
    expect(calendarDurationSchema.safeParse({ amount: 1, unit: 'fortnights' }).success).toBe(false);
  });
});
