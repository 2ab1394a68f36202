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
    expect(toMinorUnits(416_666.67, 2)).toBe(41_666_667n);
    expect(toMinorUnits('0.1', 1)).toBe(1n);
    expect(toMinorUnits(1.005, 3)).toBe(1_005n);
    expect(toMinorUnits('-12.5', 2)).toBe(-1_250n);
    expect(toMinorUnits('1e3', 0)).toBe(1_000n);
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

  it('counts amounts far beyond 2^53 minor units exactly', () => {
    expect(toMinorUnits('100000000000', 8)).toBe(10n ** 19n);
    expect(toMinorUnits('123456789.12345678', 8)).toBe(12_345_678_912_345_678n);
    expect(toMinorUnits('9007199254740993', 0)).toBe(9_007_199_254_740_993n);
    expect(toMinorUnits('99999999999999999999.99999999', 8)).toBe(10n ** 28n - 1n);
    expect(formatMinorUnits(12_345_678_912_345_678n, 8)).toBe('123456789.12345678');
    expect(fromMinorUnits(9_007_199_254_740_993n, 0)).toBe('9007199254740993');
  });

  it('refuses a scale outside 0 to 8', () => {
    expect(refusal(() => toMinorUnits(1, 9)).code).toBe('invalid_scale');
    expect(refusal(() => toMinorUnits(1, 1.5)).code).toBe('invalid_scale');
  });

  it('formats minor units as exact decimal text', () => {
    expect(formatMinorUnits(41_666_667n, 2)).toBe('416666.67');
    expect(formatMinorUnits(5n, 2)).toBe('0.05');
    expect(formatMinorUnits(-5n, 2)).toBe('-0.05');
    expect(formatMinorUnits(5_000_000n, 0)).toBe('5000000');
    expect(fromMinorUnits(41_666_667n, 2)).toBe('416666.67');
    expect(fromMinorUnits(41_666_600n, 2)).toBe('416666');
  });

  it('round-trips any amount through minor units and back', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 28n), max: 10n ** 28n }), fc.integer({ min: 0, max: 8 }), (minor, scale) => {
        expect(toMinorUnits(formatMinorUnits(minor, scale), scale)).toBe(minor);
        expect(toMinorUnits(fromMinorUnits(minor, scale), scale)).toBe(minor);
      }),
    );
  });
});

describe('allocateLargestRemainder', () => {
  it('gives the leftover units to the largest remainders, earlier parts first on a tie', () => {
    expect(allocateLargestRemainder(100n, [1, 1, 1])).toEqual([34n, 33n, 33n]);
    expect(allocateLargestRemainder(10n, [1, 2, 3, 4])).toEqual([1n, 2n, 3n, 4n]);
    expect(allocateLargestRemainder(5n, [0.3, 0.3, 0.4])).toEqual([2n, 1n, 2n]);
    expect(allocateLargestRemainder(12_345_678_912_345_678n, [1, 1, 1])).toEqual([4_115_226_304_115_226n, 4_115_226_304_115_226n, 4_115_226_304_115_226n]);
  });

  it('never gives anything to a part with weight zero', () => {
    expect(allocateLargestRemainder(7n, [0, 1, 0, 1])).toEqual([0n, 4n, 0n, 3n]);
  });

  it('refuses negative weights, all-zero weights and no weights', () => {
    expect(refusal(() => allocateLargestRemainder(1n, [1, -2])).message).toBe('weights[1] is -2; weights must be zero or more');
    expect(refusal(() => allocateLargestRemainder(1n, [0, 0])).code).toBe('invalid_weights');
    expect(refusal(() => allocateLargestRemainder(1n, [])).code).toBe('invalid_weights');
  });

  const weights = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 40 }).filter((list) => list.some((weight) => weight > 0));

  it('always sums the parts to the total', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 28n), max: 10n ** 28n }), weights, (total, list) => {
        expect(allocateLargestRemainder(total, list).reduce((sum, part) => sum + part, 0n)).toBe(total);
      }),
    );
  });

  it('gives every part its exact share rounded down or up', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 28n }), weights, (total, list) => {
        const sum = list.reduce((acc, weight) => acc + BigInt(weight), 0n);
        allocateLargestRemainder(total, list).forEach((part, index) => {
          const exact = total * BigInt(list[index] ?? 0);
          const scaled = part * sum;
          expect(scaled - exact < sum && exact - scaled < sum).toBe(true);
        });
      }),
    );
  });

  it('gives a part with double weight within one unit of double', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 28n }), fc.integer({ min: 1, max: 1_000 }), weights, (total, weight, others) => {
        const [single = 0n, double = 0n] = allocateLargestRemainder(total, [weight, 2 * weight, ...others]);
        const gap = double - 2n * single;
        expect(gap <= 1n && gap >= -1n).toBe(true);
      }),
    );
  });
});

describe('sumExact', () => {
  it('adds decimals without floating-point drift', () => {
    expect(sumExact([0.1, 0.2])).toBe('0.3');
    expect(sumExact([1_000_000.01, 0.02, -0.03])).toBe('1000000');
    expect(sumExact([])).toBe('0');
  });

  it('adds decimal texts beyond what a JavaScript number holds, exactly', () => {
    expect(sumExact(['9007199254740993', '1'])).toBe('9007199254740994');
    expect(sumExact(['99999999999999999999.99999999', '0.00000001'])).toBe('100000000000000000000');
    expect(sumExact(Array.from({ length: 10 }, () => '0.1'))).toBe('1');
  });

  it('refuses text that is not a decimal', () => {
    expect(refusal(() => sumExact(['1', 'NaN'])).code).toBe('invalid_amount');
  });
});
