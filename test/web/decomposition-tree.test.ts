import { describe, expect, it } from 'vitest';
import { decompositionTree, sharesOf, sumDecimals } from '../../designer/src/plan/decomposition-tree';
import type { DecompositionPreview } from '../../api/contract/plan';

const months = (amounts: string[], scale = 0): DecompositionPreview => {
  let running = 0;
  return {
    goalId: 'g',
    metric: 'revenue',
    total: String(amounts.reduce((sum, a) => sum + Number(a), 0)),
    granularity: 'month',
    timeZone: 'Asia/Shanghai',
    scale,
    parts: amounts.map((amount, index) => {
      running += Number(amount);
      const month = ((index + 9) % 12) + 1;
      const year = index + 9 >= 12 ? 2027 : 2026;
      return { label: `${year}-${String(month).padStart(2, '0')}`, start: '', end: '2027-01-01T00:00:00Z', amount, cumulative: String(running) };
    }),
  };
};

describe('the target split as year → quarters → months', () => {
  it('groups months under their quarter and year, each level the exact sum of the one below', () => {
    const tree = decompositionTree(months(['100', '101', '99', '100', '100']));
    expect(tree.years.map((y) => [y.label, y.amount, y.quarters.map((q) => [q.label, q.amount, q.parts.length])])).toEqual([
      ['2026', '300', [['2026-Q4', '300', 3]]],
      ['2027', '200', [['2027-Q1', '200', 2]]],
    ]);
    expect(tree.total).toBe('500');
  });

  it('adds decimals exactly, without floating-point drift', () => {
    expect(sumDecimals(['0.10', '0.20', '0.30'], 2)).toBe('0.60');
    expect(sumDecimals(['416666.67', '416666.67', '416666.66'], 2)).toBe('1250000.00');
    expect(sumDecimals(['-1.5', '0.25'], 2)).toBe('-1.25');
  });

  it('keeps a split by quarters flat: the quarter is its own part', () => {
    const preview: DecompositionPreview = {
      ...months([]),
      granularity: 'quarter',
      total: '10',
      parts: [
        { label: '2027-Q1', start: '', end: '', amount: '4', cumulative: '4' },
        { label: '2027-Q2', start: '', end: '', amount: '6', cumulative: '10' },
      ],
    };
    const tree = decompositionTree(preview);
    expect(tree.years[0]?.quarters.map((q) => q.parts.map((p) => p.label))).toEqual([['2027-Q1'], ['2027-Q2']]);
    expect(sharesOf(preview)).toEqual([40, 60]);
  });
});
