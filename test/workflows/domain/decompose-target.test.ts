import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  DecompositionError,
  decomposeTarget,
  decomposeTargetTree,
  type DecomposeTargetInput,
  type TargetNode,
} from '../../../workflows/domain/decompose-target';
import { thrownBy } from '../../support/thrown';

const shanghai = (iso: string): Date => DateTime.fromISO(iso, { zone: 'Asia/Shanghai' }).toJSDate();
const year2027: Pick<DecomposeTargetInput, 'periodStart' | 'periodEnd' | 'timeZone'> = {
  periodStart: shanghai('2027-01-01'),
  periodEnd: shanghai('2028-01-01'),
  timeZone: 'Asia/Shanghai',
};

const refusal = (input: DecomposeTargetInput): DecompositionError => thrownBy(DecompositionError, () => decomposeTarget(input));

describe('decomposeTarget', () => {
  it('splits 5,000,000 a year into 1,250,000 a quarter', () => {
    const quarters = decomposeTarget({ ...year2027, total: 5_000_000, granularity: 'quarter' });
    expect(quarters.map((part) => [part.label, Number(part.amount), Number(part.cumulative)])).toEqual([
      ['2027-Q1', 1_250_000, 1_250_000],
      ['2027-Q2', 1_250_000, 2_500_000],
      ['2027-Q3', 1_250_000, 3_750_000],
      ['2027-Q4', 1_250_000, 5_000_000],
    ]);
  });

  it('splits each quarter of 1,250,000 into months of 416,667, 416,667 and 416,666', () => {
    const months = decomposeTarget({ ...year2027, total: 5_000_000, granularity: 'month' });
    expect(months.map((part) => part.label)).toEqual([
      '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06',
      '2027-07', '2027-08', '2027-09', '2027-10', '2027-11', '2027-12',
    ]);
    expect(months.map((part) => Number(part.amount))).toEqual([
      416_667, 416_667, 416_666, 416_667, 416_667, 416_666,
      416_667, 416_667, 416_666, 416_667, 416_667, 416_666,
    ]);
    expect(months.map((part) => Number(part.cumulative))).toEqual([
      416_667, 833_334, 1_250_000, 1_666_667, 2_083_334, 2_500_000,
      2_916_667, 3_333_334, 3_750_000, 4_166_667, 4_583_334, 5_000_000,
    ]);
  });

  it('gives each part the instants its cumulative target is checked at, in the plan time zone', () => {
    const months = decomposeTarget({ ...year2027, total: 5_000_000, granularity: 'month' });
    expect(months[0]?.start.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(months[0]?.end.toISOString()).toBe('2027-01-31T16:00:00.000Z');
    expect(months[11]?.end.toISOString()).toBe('2027-12-31T16:00:00.000Z');
    expect(months.slice(1).map((part) => part.start)).toEqual(months.slice(0, -1).map((part) => part.end));
  });

  it('keeps cents exact with a scale of 2', () => {
    const months = decomposeTarget({ ...year2027, total: '1000000.00', granularity: 'month', scale: 2 });
    expect(months[0]?.amount).toBe('83333.34');
    expect(months[0]?.amountMinor).toBe(8_333_334n);
    expect(months.reduce((sum, part) => sum + part.amountMinor, 0n)).toBe(100_000_000n);
    expect(months.at(-1)?.cumulative).toBe('1000000');
  });

  it('follows seasonal weights, so a month with weight 2 gets twice a month with weight 1', () => {
    const weights = [1, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 4];
    const months = decomposeTarget({ ...year2027, total: 1_800_000, granularity: 'month', weights });
    expect(months.map((part) => Number(part.amount))).toEqual([
      100_000, 100_000, 200_000, 100_000, 100_000, 200_000, 100_000, 100_000, 200_000, 100_000, 100_000, 400_000,
    ]);
  });

  it('spreads a weighted quarter over its months evenly', () => {
    const quarters = decomposeTarget({ ...year2027, total: 1_000_000, granularity: 'quarter', weights: [1, 2, 3, 4] });
    expect(quarters.map((part) => Number(part.amount))).toEqual([100_000, 200_000, 300_000, 400_000]);
    const tree = decomposeTargetTree({ ...year2027, total: 1_000_000, granularity: 'quarter', weights: [1, 2, 3, 4] });
    const q4 = tree.children[0]?.children[3];
    expect(q4?.children.map((month) => Number(month.amount))).toEqual([133_334, 133_333, 133_333]);
  });

  it('gives a partial month its share of the month', () => {
    const months = decomposeTarget({
      total: 2_000,
      periodStart: shanghai('2027-04-16'),
      periodEnd: shanghai('2027-06-01'),
      granularity: 'month',
      timeZone: 'Asia/Shanghai',
    });
    // Half of April (15 of 30 days) weighs 0.5 against May's 1.
    expect(months.map((part) => [part.label, Number(part.amount)])).toEqual([
      ['2027-04', 667],
      ['2027-05', 1_333],
    ]);
    expect(months[0]?.start).toEqual(shanghai('2027-04-16'));
  });

  it('treats months as equal across a daylight-saving switch', () => {
    const berlin = (iso: string): Date => DateTime.fromISO(iso, { zone: 'Europe/Berlin' }).toJSDate();
    const months = decomposeTarget({
      total: 1_200,
      periodStart: berlin('2027-01-01'),
      periodEnd: berlin('2028-01-01'),
      granularity: 'month',
      timeZone: 'Europe/Berlin',
    });
    expect(months.map((part) => Number(part.amount))).toEqual(Array.from({ length: 12 }, () => 100));
    expect(months[2]?.end.toISOString()).toBe('2027-03-31T22:00:00.000Z');
    expect(months[9]?.end.toISOString()).toBe('2027-10-31T23:00:00.000Z');
  });

  it('splits a negative total the same way, for goals such as a loss to stay within', () => {
    const quarters = decomposeTarget({ ...year2027, total: -10, granularity: 'quarter' });
    expect(quarters.map((part) => Number(part.amount))).toEqual([-2, -2, -3, -3]);
  });

  it('accepts ISO strings with an offset, as JSON bodies and workflow payloads carry them', () => {
    const parts = decomposeTarget({
      total: 100,
      periodStart: '2027-01-01T00:00:00+08:00',
      periodEnd: '2027-07-01T00:00:00+08:00',
      granularity: 'quarter',
      timeZone: 'Asia/Shanghai',
    });
    expect(parts.map((part) => part.label)).toEqual(['2027-Q1', '2027-Q2']);
  });

  it('refuses weights of the wrong length and says how many it expected', () => {
    const error = refusal({ ...year2027, total: 1, granularity: 'month', weights: [1, 2, 3, 4] });
    expect(error.code).toBe('invalid_weights');
    expect(error.message).toBe('expected 12 weights, one per month from 2027-01 to 2027-12, got 4');
  });

  it('refuses negative weights and names the weight', () => {
    const error = refusal({ ...year2027, total: 1, granularity: 'quarter', weights: [1, -1, 1, 1] });
    expect(error.code).toBe('invalid_weights');
    expect(error.message).toContain('weights[1] is -1');
  });

  it('refuses weights that are all zero', () => {
    const error = refusal({ ...year2027, total: 1, granularity: 'quarter', weights: [0, 0, 0, 0] });
    expect(error.code).toBe('invalid_weights');
    expect(error.message).toContain('all zero');
  });

  it('refuses a period that ends before it starts', () => {
    const error = refusal({ ...year2027, periodStart: year2027.periodEnd, periodEnd: year2027.periodStart, total: 1, granularity: 'month' });
    expect(error.code).toBe('invalid_period');
    expect(error.message).toContain('before it starts');
  });

  it('refuses an empty period', () => {
    const error = refusal({ ...year2027, periodEnd: year2027.periodStart, total: 1, granularity: 'month' });
    expect(error.code).toBe('invalid_period');
    expect(error.message).toContain('empty');
  });

  it('refuses a total with more decimals than the scale instead of rounding it', () => {
    const error = refusal({ ...year2027, total: 1234.5, granularity: 'month' });
    expect(error.code).toBe('invalid_total');
    expect(error.message).toBe('total: 1234.5 has more than 0 decimal places');
  });

  it('refuses a time zone that does not exist', () => {
    const error = refusal({ ...year2027, total: 1, granularity: 'month', timeZone: 'Mars/Olympus_Mons' });
    expect(error.code).toBe('invalid_time_zone');
    expect(error.message).toContain('Mars/Olympus_Mons is not an IANA time zone');
  });

  it('refuses a date-time without an offset', () => {
    const error = refusal({ ...year2027, periodStart: '2027-01-01T00:00:00', total: 1, granularity: 'month' });
    expect(error.code).toBe('invalid_period');
    expect(error.message).toContain('periodStart: expected a date-time with an offset');
  });

  it('refuses periods longer than a century', () => {
    const error = refusal({ ...year2027, periodEnd: shanghai('2200-01-01'), total: 1, granularity: 'month' });
    expect(error.code).toBe('too_many_parts');
  });
});

describe('decomposeTargetTree', () => {
  it('nests year, quarters and months, each level summing to its parent', () => {
    const tree = decomposeTargetTree({ ...year2027, total: 5_000_000, granularity: 'month' });
    expect(tree.level).toBe('total');
    expect(tree.children.map((year) => [year.label, Number(year.amount)])).toEqual([['2027', 5_000_000]]);
    const quarters = tree.children[0]?.children ?? [];
    expect(quarters.map((quarter) => Number(quarter.amount))).toEqual([1_250_000, 1_250_000, 1_250_000, 1_250_000]);
    expect(quarters[0]?.children.map((month) => [month.label, Number(month.amount)])).toEqual([
      ['2027-01', 416_667],
      ['2027-02', 416_667],
      ['2027-03', 416_666],
    ]);
  });

  it('splits a period across calendar years', () => {
    const tree = decomposeTargetTree({
      total: 600,
      periodStart: shanghai('2027-07-01'),
      periodEnd: shanghai('2028-07-01'),
      granularity: 'quarter',
      timeZone: 'Asia/Shanghai',
    });
    expect(tree.children.map((year) => [year.label, Number(year.amount), Number(year.cumulative)])).toEqual([
      ['2027', 300, 300],
      ['2028', 300, 600],
    ]);
  });
});

/** Exact share × 10^k in bigint, to compare parts with their exact quotas without floats. */
function exactShare(total: number, weights: readonly number[], index: number): { num: bigint; den: bigint } {
  const sum = weights.reduce((acc, weight) => acc + BigInt(weight), 0n);
  return { num: BigInt(total) * BigInt(weights[index] ?? 0), den: sum };
}

const withinOneOf = (amount: number, share: { num: bigint; den: bigint }): boolean => {
  const scaled = BigInt(amount) * share.den;
  const diff = scaled > share.num ? scaled - share.num : share.num - scaled;
  return diff < share.den;
};

const leaves = (node: TargetNode): TargetNode[] => (node.children.length === 0 ? [node] : node.children.flatMap(leaves));

describe('decomposition properties', () => {
  const totals = fc.integer({ min: 0, max: 1_000_000_000_000 });
  const monthWeights = fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 12, maxLength: 12 }).filter((weights) => weights.some((weight) => weight > 0));

  it('always sums the parts to the whole, at every level', () => {
    fc.assert(
      fc.property(
        totals,
        fc.integer({ min: 0, max: 4 }),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 2_000 * 24 }),
        fc.constantFrom('quarter' as const, 'month' as const),
        (total, scale, start, hours, granularity) => {
          const input = { total: total / 10 ** scale, scale, periodStart: start, periodEnd: new Date(start.getTime() + hours * 3_600_000), granularity, timeZone: 'Europe/Berlin' };
          const tree = decomposeTargetTree(input);
          const check = (node: TargetNode): void => {
            if (node.children.length === 0) return;
            expect(node.children.reduce((sum, child) => sum + child.amountMinor, 0n)).toBe(node.amountMinor);
            node.children.forEach(check);
          };
          expect(tree.amountMinor).toBe(BigInt(total));
          check(tree);
          const parts = decomposeTarget(input);
          expect(parts.reduce((sum, part) => sum + part.amountMinor, 0n)).toBe(BigInt(total));
          expect(parts.at(-1)?.cumulativeMinor).toBe(BigInt(total));
        },
      ),
    );
  });

  it('gives every month its exact weighted share rounded down or up', () => {
    fc.assert(
      fc.property(totals, monthWeights, (total, weights) => {
        const tree = decomposeTargetTree({ ...year2027, total, granularity: 'month', weights });
        leaves(tree).forEach((month, index) => {
          expect(withinOneOf(Number(month.amountMinor), exactShare(total, weights, index))).toBe(true);
        });
      }),
    );
  });

  it('gives a quarter with double weight within one unit of double', () => {
    fc.assert(
      fc.property(totals, fc.integer({ min: 1, max: 1_000 }), fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 2, maxLength: 2 }), (total, weight, others) => {
        const weights = [weight, 2 * weight, ...others];
        const quarters = decomposeTarget({ ...year2027, total, granularity: 'quarter', weights });
        const single = Number(quarters[0]?.amountMinor ?? NaN);
        const double = Number(quarters[1]?.amountMinor ?? NaN);
        expect(Math.abs(double - 2 * single)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
