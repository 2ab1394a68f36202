import { describe, expect, it } from 'vitest';
import {
  AttainmentError,
  assessProgress,
  attainmentPercent,
  isTargetMet,
  proRatedTarget,
  ragStatus,
} from '../../../workflows/domain/attainment';

const start = new Date('2027-01-01T00:00:00+08:00');
const due = new Date('2027-01-11T00:00:00+08:00');
const day = (n: number): Date => new Date(start.getTime() + n * 86_400_000);

describe('attainmentPercent', () => {
  it('measures at-least goals as actual over target', () => {
    expect(attainmentPercent({ actual: 4_000_000, target: 5_000_000, direction: 'at_least' })).toBe(80);
    expect(attainmentPercent({ actual: 6_000_000, target: 5_000_000, direction: 'at_least' })).toBe(120);
  });

  it('rewards at-most goals for staying below the cap', () => {
    expect(attainmentPercent({ actual: 100, target: 100, direction: 'at_most' })).toBe(100);
    expect(attainmentPercent({ actual: 80, target: 100, direction: 'at_most' })).toBe(120);
    expect(attainmentPercent({ actual: 120, target: 100, direction: 'at_most' })).toBe(80);
    expect(attainmentPercent({ actual: 200, target: 100, direction: 'at_most' })).toBe(0);
  });

  it('measures progress from a baseline for levels such as a falling churn rate', () => {
    expect(attainmentPercent({ actual: 8, target: 5, direction: 'at_most', from: 10 })).toBe(40);
    expect(attainmentPercent({ actual: 14, target: 15, direction: 'at_least', from: 10 })).toBe(80);
  });

  it('scores all or nothing when the target leaves no room to improve', () => {
    expect(attainmentPercent({ actual: 0, target: 0, direction: 'at_least' })).toBe(100);
    expect(attainmentPercent({ actual: 1, target: 0, direction: 'at_most' })).toBe(0);
    expect(attainmentPercent({ actual: 9, target: 10, direction: 'at_least', from: 12 })).toBe(0);
  });

  it('refuses values that are not finite numbers', () => {
    expect(() => attainmentPercent({ actual: Number.NaN, target: 1, direction: 'at_least' })).toThrow(AttainmentError);
  });
});

describe('proRatedTarget', () => {
  it('expects linear progress between the start and the due time', () => {
    expect(proRatedTarget({ target: 1_000, start, due, at: day(3) })).toBe(300);
    expect(proRatedTarget({ target: 15, start, due, at: day(5), from: 10 })).toBe(12.5);
  });

  it('expects the starting value before the start and the full target from the due time on', () => {
    expect(proRatedTarget({ target: 1_000, start, due, at: day(-3) })).toBe(0);
    expect(proRatedTarget({ target: 1_000, start, due, at: day(30) })).toBe(1_000);
  });

  it('refuses a due time that is not after the start', () => {
    expect(() => proRatedTarget({ target: 1, start: due, due: start, at: start })).toThrow(AttainmentError);
  });
});

describe('ragStatus', () => {
  it('is green at 100 %, amber from the warning threshold, red below it', () => {
    expect(ragStatus(100)).toBe('green');
    expect(ragStatus(99.9)).toBe('amber');
    expect(ragStatus(80)).toBe('amber');
    expect(ragStatus(79.9)).toBe('red');
  });

  it('takes thresholds as parameters', () => {
    expect(ragStatus(92, { green: 95, warning: 90 })).toBe('amber');
    expect(ragStatus(89, { green: 95, warning: 90 })).toBe('red');
  });

  it('counts a percentage a rounding error below a threshold as reaching it', () => {
    expect(ragStatus(79.99999999999999)).toBe('amber');
  });

  it('refuses a warning threshold above the green one', () => {
    expect(() => ragStatus(50, { green: 80, warning: 90 })).toThrow('the warning threshold must not be above the green threshold');
  });
});

describe('isTargetMet', () => {
  it('honours the direction of the goal', () => {
    expect(isTargetMet({ actual: 5, target: 5, direction: 'at_least' })).toBe(true);
    expect(isTargetMet({ actual: 4, target: 5, direction: 'at_least' })).toBe(false);
    expect(isTargetMet({ actual: 4, target: 5, direction: 'at_most' })).toBe(true);
    expect(isTargetMet({ actual: 6, target: 5, direction: 'at_most' })).toBe(false);
  });
});

describe('assessProgress', () => {
  it('flags a goal behind its pro-rated plan as red even when the period is young', () => {
    const progress = assessProgress({ actual: 200, target: 1_000, direction: 'at_least', start, due, at: day(3) });
    expect(progress).toMatchObject({ expected: 300, finalAttainmentPercent: 20, status: 'red', met: false });
    expect(progress.attainmentPercent).toBeCloseTo(66.667, 3);
  });

  it('shows a goal ahead of plan as green', () => {
    const progress = assessProgress({ actual: 450, target: 1_000, direction: 'at_least', start, due, at: day(4), thresholds: { green: 100, warning: 80 } });
    expect(progress.status).toBe('green');
    expect(progress.expected).toBe(400);
  });

  it('shows a budget spent slightly faster than planned as amber', () => {
    const progress = assessProgress({ actual: 550, target: 1_000, direction: 'at_most', start, due, at: day(5) });
    expect(progress.attainmentPercent).toBe(90);
    expect(progress.status).toBe('amber');
    expect(progress.met).toBe(true);
  });
});
