import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decomposeTargetTree, type TargetNode } from '../../../../workflows/domain/decompose-target';
import { AllocationError, allocateOverPeriods, allocateTarget } from '../../../../workflows/domain/sales-plan/allocation';
import { roundMatrix } from '../../../../workflows/domain/sales-plan/controlled-rounding';
import { ratio } from '../../../../workflows/domain/ratio';

const months = (node: TargetNode): TargetNode[] => (node.level === 'month' ? [node] : node.children.flatMap(months));
const sum = (values: readonly bigint[]) => values.reduce((total, value) => total + value, 0n);

describe('allocating a target to members', () => {
  it('splits 5,000,000 by weights 5/3/2 into 2,500,000, 1,500,000 and 1,000,000, with nothing left over', () => {
    const allocation = allocateTarget({ total: 5_000_000, scale: 0, shares: [{ holderId: 'ann', weight: 5 }, { holderId: 'bo', weight: 3 }, { holderId: 'cy', weight: 2 }] });
    expect(allocation.parts.map((part) => part.amount)).toEqual(['2500000', '1500000', '1000000']);
    expect(allocation.unallocated).toBe('0');
  });

  it('decomposes each member’s part over the quarters weighted 1/1/1/3: every member × month cell is exact, and rows and columns add up to the member’s part and the project’s month', () => {
    const tree = decomposeTargetTree({ total: 5_000_000, periodStart: '2027-01-01T00:00:00+08:00', periodEnd: '2028-01-01T00:00:00+08:00', granularity: 'quarter', weights: [1, 1, 1, 3], timeZone: 'Asia/Shanghai' });
    const projectMonths = months(tree).map((month) => month.amountMinor);
    // The project's own months: Q1–Q3 are 833,333 or 833,334 each, Q4 2,500,000, split evenly over the months.
    expect(sum(projectMonths)).toBe(5_000_000n);
    expect(projectMonths.slice(9)).toEqual([833_334n, 833_333n, 833_333n]);

    const allocation = allocateTarget({ total: 5_000_000, scale: 0, shares: [{ holderId: 'ann', weight: 5 }, { holderId: 'bo', weight: 3 }, { holderId: 'cy', weight: 2 }] });
    const grid = allocateOverPeriods(allocation, projectMonths);
    expect(grid.map((row) => row.holderId)).toEqual(['ann', 'bo', 'cy']);
    grid.forEach((row, i) => {
      expect(sum(row.amountsMinor)).toBe(allocation.parts[i]!.amountMinor);
      row.amountsMinor.forEach((cell, j) => {
        // Within one unit of the exact share: part × month ÷ target.
        const exact = (allocation.parts[i]!.amountMinor * projectMonths[j]!) / 5_000_000n;
        expect(cell === exact || cell === exact + 1n, `${row.holderId} month ${j + 1}: ${cell} vs ${exact}`).toBe(true);
      });
    });
    projectMonths.forEach((month, j) => expect(sum(grid.map((row) => row.amountsMinor[j]!))).toBe(month));
    expect(sum(grid.flatMap((row) => row.amountsMinor))).toBe(5_000_000n);
    // Ann holds half of December's 833,333 (416,666.5): one of the two roundings.
    expect([416_666n, 416_667n]).toContain(grid[0]!.amountsMinor[11]);
  });

  it('keeps what nobody holds as the unallocated rest, a row of its own over the months', () => {
    const allocation = allocateTarget({ total: '1000.00', scale: 2, shares: [{ holderId: 'ann', amount: '600.50' }, { holderId: 'bo', amount: 300 }] });
    expect(allocation.unallocated).toBe('99.5');
    const grid = allocateOverPeriods(allocation, [33_334n, 33_333n, 33_333n]);
    expect(grid.map((row) => row.holderId)).toEqual(['ann', 'bo', null]);
    expect(grid.map((row) => sum(row.amountsMinor))).toEqual([60_050n, 30_000n, 9_950n]);
  });

  it.each([
    [{ shares: [{ holderId: 'ann', amount: 700 }, { holderId: 'bo', amount: 400 }] }, 'allocation_exceeds_target', 'shares', /add up to 1100, more than the target of 1000/],
    [{ shares: [{ holderId: 'ann', weight: -1 }, { holderId: 'bo', weight: 2 }] }, 'invalid_shares', 'shares.0.weight', /zero or more/],
    [{ shares: [{ holderId: 'ann', weight: 0 }] }, 'invalid_shares', 'shares', /all zero/],
    [{ shares: [{ holderId: 'ann', weight: 1 }, { holderId: 'ann', weight: 2 }] }, 'invalid_shares', 'shares.1.holderId', /twice/],
    [{ shares: [{ holderId: 'ann', weight: 1 }, { holderId: 'bo', amount: 2 }] }, 'invalid_shares', 'shares', /not both/],
    [{ shares: [{ holderId: 'ann', amount: 'lots' }] }, 'invalid_shares', 'shares.0.amount', /./],
  ] as const)('refuses %j with %s naming %s', (input, code, field, message) => {
    const refused = (() => {
      try {
        allocateTarget({ total: 1000, scale: 0, shares: input.shares });
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refused).toBeInstanceOf(AllocationError);
    expect(refused).toMatchObject({ code, field });
    expect((refused as Error).message).toMatch(message);
  });
});

describe('rounding a matrix so that rows and columns keep their totals', () => {
  it('finds a rounding for any shares of any periods (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 14 }), (weights, periods) => {
        fc.pre(weights.some((w) => w > 0));
        const total = sum(periods.map(BigInt));
        const allocation = allocateTarget({ total: total.toString(), scale: 0, shares: weights.map((weight, i) => ({ holderId: `m${i}`, weight })) });
        const grid = allocateOverPeriods(allocation, periods.map(BigInt));
        grid.forEach((row, i) => expect(sum(row.amountsMinor)).toBe(allocation.parts[i]!.amountMinor));
        periods.forEach((period, j) => expect(sum(grid.map((row) => row.amountsMinor[j]!))).toBe(BigInt(period)));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses totals that no rounding of the quotas reaches', () => {
    expect(() => roundMatrix([[ratio(1n, 2n), ratio(1n, 2n)]], [3n], [1n, 2n])).toThrow(RangeError);
  });
});
