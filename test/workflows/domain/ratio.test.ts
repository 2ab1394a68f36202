import { describe, expect, it } from 'vitest';
import { compareRatios, floorRatio, ratio, ratioFromDecimal } from '../../../workflows/domain/ratio';

describe('ratio', () => {
  it('keeps ratios in lowest terms with a positive denominator', () => {
    expect(ratio(6n, -4n)).toEqual({ num: -3n, den: 2n });
    expect(ratio(0n, 7n)).toEqual({ num: 0n, den: 1n });
  });

  it('floors toward minus infinity, also for negative ratios', () => {
    expect(floorRatio(ratio(7n, 2n))).toBe(3n);
    expect(floorRatio(ratio(-7n, 2n))).toBe(-4n);
    expect(floorRatio(ratio(-6n, 2n))).toBe(-3n);
  });

  it('reads decimals exactly as written', () => {
    expect(ratioFromDecimal(0.1)).toEqual({ num: 1n, den: 10n });
    expect(ratioFromDecimal('416666.67')).toEqual({ num: 41_666_667n, den: 100n });
    expect(ratioFromDecimal(1e-7)).toEqual({ num: 1n, den: 10_000_000n });
    expect(ratioFromDecimal('-.5')).toEqual({ num: -1n, den: 2n });
    expect(compareRatios(ratioFromDecimal(0.1) ?? ratio(0n), ratio(1n, 10n))).toBe(0);
  });

  it('refuses anything that is not a finite decimal, and absurd exponents', () => {
    for (const value of ['', '.', 'abc', '1,5', '1e999999', Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(ratioFromDecimal(value)).toBeNull();
    }
  });
});
