import { describe, expect, it } from 'vitest';
import { decomposeTarget } from '../../../../workflows/domain/decompose-target';
import { splitLikeTarget, targetMonths } from '../../../../workflows/domain/sales-plan/target-months';

const year2027 = { periodStart: new Date('2027-01-01T00:00:00+08:00'), periodEnd: new Date('2028-01-01T00:00:00+08:00'), timeZone: 'Asia/Shanghai' } as const;
const sum = (values: readonly bigint[]) => values.reduce((total, value) => total + value, 0n);
const checkpointsOf = (granularity: 'month' | 'quarter', weights?: number[]) =>
  decomposeTarget({ total: 5_000_000, granularity, ...(weights ? { weights } : {}), ...year2027 }).map((part) => ({ at: part.end, cumulative: part.cumulative }));

describe("a goal's target per month, split as the goal is", () => {
  it('splits evenly by month when the goal has no decomposition of its own', () => {
    const { months, source } = targetMonths({ target: '5000000', ...year2027, checkpoints: [] });
    expect(source).toBe('even');
    expect(months).toHaveLength(12);
    expect(sum(months.map((m) => m.amountMinor))).toBe(5_000_000n);
  });

  it('keeps each quarter of a decomposition weighted 1/1/1/3 exactly, its months sharing it by length', () => {
    const { months, source } = targetMonths({ target: '5000000', ...year2027, checkpoints: checkpointsOf('quarter', [1, 1, 1, 3]) });
    expect(source).toBe('quarters');
    const quarters = [0, 3, 6, 9].map((first) => sum(months.slice(first, first + 3).map((m) => m.amountMinor)));
    expect(quarters).toEqual(decomposeTarget({ total: 5_000_000, granularity: 'quarter', weights: [1, 1, 1, 3], ...year2027 }).map((q) => q.amountMinor));
    expect(quarters).toEqual([833_334n, 833_333n, 833_333n, 2_500_000n]);
  });

  it('follows a monthly decomposition month by month', () => {
    const weights = [1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3];
    const { months, source } = targetMonths({ target: '5000000', ...year2027, checkpoints: checkpointsOf('month', weights) });
    expect(source).toBe('months');
    expect(months.map((m) => m.amountMinor)).toEqual(decomposeTarget({ total: 5_000_000, granularity: 'month', weights, ...year2027 }).map((m) => m.amountMinor));
  });

  it('splits a count level by level, so a quarter holding half the target holds half the count and every month is 33 or 34 of 400', () => {
    const even = targetMonths({ target: '5000000', ...year2027, checkpoints: [] });
    const leads = splitLikeTarget(400n, even.tree);
    expect(sum(leads)).toBe(400n);
    expect(leads.every((month) => month === 33n || month === 34n)).toBe(true);
    const weighted = targetMonths({ target: '5000000', ...year2027, checkpoints: checkpointsOf('quarter', [1, 1, 1, 3]) });
    const contracts = splitLikeTarget(100n, weighted.tree);
    expect([0, 3, 6, 9].map((first) => sum(contracts.slice(first, first + 3)))).toEqual([17n, 17n, 16n, 50n]);
  });
});
