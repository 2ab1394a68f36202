import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MoneyError,
  allocateLargestRemainder,
  formatMinorUnits,
  fromMinorUnits,
  sumExact,
  toMinorUnits,
} from '../../../workflows/domain/money';
import { thrownBy } from '../../support/thrown';

const refusal = (run: () => unknown): MoneyError => thrownBy(MoneyError, run);

describe('minor units', () => {
  it('converts decimal amounts exactly, also those binary floats cannot hold', () => {
    expect(toMinorUnits(416_666.67, 2)).toBe(41_666_667);
    expect(toMinorUnits('0.1', 1)).toBe(1);
    expect(toMinorUnits(1.005, 3)).toBe(1_005);
    expect(toMinorUnits('-12.5', 2)).toBe(-1_250);
    expect(toMinorUnits('1e3', 0)).toBe(1_000);
  });

  it('refuses more decimal places than the scale instead of rounding', () => {
    const error = refusal(() => toMinorUnits(0.1 + 0.2, 2));
    expect(error.code).toBe('invalid_amount');
    expect(error.message).toBe('0.30000000000000004 has more than 2 decimal places');
  });

  it('refuses text that is not a number', () => {
    expect(refusal(() => toMinorUnits('12,5', 2)).code).toBe('invalid_amount');
    expect(refusal(() => toMinorUnits(Number.NaN, 2)).code).toBe('invalid_amount');
  });

  it('refuses amounts too large to count exactly', () => {
    expect(refusal(() => toMinorUnits('100000000000', 8)).code).toBe('out_of_range');
  });

  it('refuses a scale outside 0 to 8', () => {
    expect(refusal(() => toMinorUnits(1, 9)).code).toBe('invalid_scale');
    expect(refusal(() => toMinorUnits(1, 1.5)).code).toBe('invalid_scale');
  });

  it('formats minor units as exact decimal text', () => {
    expect(formatMinorUnits(41_666_667, 2)).toBe('416666.67');
    expect(formatMinorUnits(5, 2)).toBe('0.05');
    expect(formatMinorUnits(-5, 2)).toBe('-0.05');
    expect(formatMinorUnits(5_000_000, 0)).toBe('5000000');
    expect(fromMinorUnits(41_666_667, 2)).toBe(416_666.67);
  });

  it('round-trips any amount through minor units and back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 4 }), (minor, scale) => {
        expect(toMinorUnits(formatMinorUnits(minor, scale), scale)).toBe(minor);
        expect(toMinorUnits(fromMinorUnits(minor, scale), scale)).toBe(minor);
      }),
    );
  });
});

describe('allocateLargestRemainder', () => {
  it('gives the leftover units to the largest remainders, earlier parts first on a tie', () => {
    expect(allocateLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateLargestRemainder(10, [1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
    expect(allocateLargestRemainder(5, [0.3, 0.3, 0.4])).toEqual([2, 1, 2]);
  });

  it('never gives anything to a part with weight zero', () => {
    expect(allocateLargestRemainder(7, [0, 1, 0, 1])).toEqual([0, 4, 0, 3]);
  });

  it('refuses negative weights, all-zero weights and no weights', () => {
    expect(refusal(() => allocateLargestRemainder(1, [1, -2])).message).toBe('weights[1] is -2; weights must be zero or more');
    expect(refusal(() => allocateLargestRemainder(1, [0, 0])).code).toBe('invalid_weights');
    expect(refusal(() => allocateLargestRemainder(1, [])).code).toBe('invalid_weights');
  });

  it('refuses a total that is not a whole number of minor units', () => {
    expect(refusal(() => allocateLargestRemainder(1.5, [1])).code).toBe('invalid_amount');
  });

  const weights = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 40 }).filter((list) => list.some((weight) => weight > 0));

  it('always sums the parts to the total', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), weights, (total, list) => {
        expect(allocateLargestRemainder(total, list).reduce((sum, part) => sum + part, 0)).toBe(total);
      }),
    );
  });

  it('gives every part its exact share rounded down or up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), weights, (total, list) => {
        const sum = list.reduce((acc, weight) => acc + BigInt(weight), 0n);
        allocateLargestRemainder(total, list).forEach((part, index) => {
          const exact = BigInt(total) * BigInt(list[index] ?? 0);
          const scaled = BigInt(part) * sum;
          expect(scaled - exact < sum && exact - scaled < sum).toBe(true);
        });
      }),
    );
  });

  it('gives a part with double weight within one unit of double', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 1_000 }), weights, (total, weight, others) => {
        const [single = 0, double = 0] = allocateLargestRemainder(total, [weight, 2 * weight, ...others]);
        expect(Math.abs(double - 2 * single)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('sumExact', () => {
  it('adds decimals without floating-point drift', () => {
    expect(sumExact([0.1, 0.2])).toBe(0.3);
    expect(sumExact([1_000_000.01, 0.02, -0.03])).toBe(1_000_000);
    expect(sumExact([])).toBe(0);
  });
});
