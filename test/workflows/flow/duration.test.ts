import { describe, expect, it } from 'vitest';
import { describeDuration, durationSchema, durationToMs, isCalendarDuration } from '../../../workflows/flow';

describe('durations', () => {
  it('turns calendar units into whole milliseconds', () => {
    expect(durationToMs({ amount: 48, unit: 'hours' })).toBe(172_800_000);
    expect(durationToMs({ amount: 1.5, unit: 'minutes' })).toBe(90_000);
    expect(durationToMs({ amount: 2, unit: 'days' })).toBe(172_800_000);
    expect(durationToMs({ amount: 0.0004, unit: 'seconds' })).toBe(0);
  });

  it('tells business units apart from calendar units, which only the calendar can resolve', () => {
    expect(isCalendarDuration({ amount: 3, unit: 'seconds' })).toBe(true);
    expect(isCalendarDuration({ amount: 3, unit: 'business_days' })).toBe(false);
    expect(isCalendarDuration({ amount: 3, unit: 'business_hours' })).toBe(false);
  });

  it('accepts a positive amount with a known unit', () => {
    expect(durationSchema.safeParse({ amount: 2, unit: 'business_days' }).success).toBe(true);
  });

  it('refuses zero, negative and unknown units, and unknown fields', () => {
    expect(durationSchema.safeParse({ amount: 0, unit: 'hours' }).success).toBe(false);
    expect(durationSchema.safeParse({ amount: -1, unit: 'hours' }).success).toBe(false);
    expect(durationSchema.safeParse({ amount: 1, unit: 'weeks' }).success).toBe(false);
    expect(durationSchema.safeParse({ amount: 1, unit: 'hours', extra: true }).success).toBe(false);
  });

  it('refuses durations longer than about a year, which are surely mistakes', () => {
    expect(durationSchema.safeParse({ amount: 366, unit: 'days' }).success).toBe(true);
    expect(durationSchema.safeParse({ amount: 400, unit: 'days' }).success).toBe(false);
    expect(durationSchema.safeParse({ amount: 1e9, unit: 'hours' }).success).toBe(false);
    expect(durationSchema.safeParse({ amount: 400, unit: 'business_days' }).success).toBe(false);
  });

  it('describes a duration in words, singular and plural', () => {
    expect(describeDuration({ amount: 48, unit: 'hours' })).toBe('48 hours');
    expect(describeDuration({ amount: 1, unit: 'business_days' })).toBe('1 business day');
  });
});
