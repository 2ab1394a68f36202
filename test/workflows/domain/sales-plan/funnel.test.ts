import { describe, expect, it } from 'vitest';
import { decomposeTarget } from '../../../../workflows/domain/decompose-target';
import { allocateTarget } from '../../../../workflows/domain/sales-plan/allocation';
import { FunnelError, deriveFunnel, stageVolumeByHolder } from '../../../../workflows/domain/sales-plan/funnel';

const year2027 = { periodStart: '2027-01-01T00:00:00+08:00', periodEnd: '2028-01-01T00:00:00+08:00', timeZone: 'Asia/Shanghai' } as const;
const evenMonths = decomposeTarget({ total: 5_000_000, granularity: 'month', ...year2027 }).map((month) => month.amountMinor);
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('the funnel behind a revenue target', () => {
  it('needs 100 contracts from 400 qualified opportunities for 5,000,000 at an average deal of 50,000 with a 25 % win rate, 33 or 34 a month', () => {
    const [opportunities, contracts] = deriveFunnel({ target: 5_000_000, averageDeal: 50_000, stages: [{ key: 'qualified_leads', conversionRate: 0.25 }, { key: 'contracts' }], periodAmountsMinor: evenMonths });
    expect(contracts!.total).toBe(100);
    expect(opportunities!.total).toBe(400);
    expect(opportunities!.perPeriod.every((month) => month === 33 || month === 34)).toBe(true);
    expect(sum(opportunities!.perPeriod)).toBe(400);
    expect(contracts!.perPeriod.every((month) => month === 8 || month === 9)).toBe(true);
    expect(sum(contracts!.perPeriod)).toBe(100);
  });

  it('works up the default four stages, each rounded up so the next is always reached: 800 prospects, 400 leads, 200 proposals, 100 contracts', () => {
    const stages = deriveFunnel({
      target: '5000000',
      averageDeal: '50000',
      stages: [{ key: 'prospects', conversionRate: '0.5' }, { key: 'qualified_leads', conversionRate: 0.5 }, { key: 'proposals', conversionRate: 0.5 }, { key: 'contracts' }],
      periodAmountsMinor: evenMonths,
    });
    expect(stages.map((stage) => [stage.key, stage.total])).toEqual([['prospects', 800], ['qualified_leads', 400], ['proposals', 200], ['contracts', 100]]);
    for (const stage of stages) expect(sum(stage.perPeriod)).toBe(stage.total);
  });

  it('rounds every stage up: 1,000,000 at 30,000 a deal is 34 contracts, and 0.3333333333 of proposals converting needs 103 of them, since 102 would fall just short', () => {
    const [proposals, contracts] = deriveFunnel({ target: 1_000_000, averageDeal: 30_000, stages: [{ key: 'proposals', conversionRate: '0.3333333333' }, { key: 'contracts' }], periodAmountsMinor: [1n] });
    expect(contracts!.total).toBe(34);
    expect(proposals!.total).toBe(103);
  });

  it('puts a Q4-weighted plan’s stage volumes where its target is', () => {
    const weighted = decomposeTarget({ total: 5_000_000, granularity: 'quarter', weights: [1, 1, 1, 3], ...year2027 }).map((quarter) => quarter.amountMinor);
    const [, contracts] = deriveFunnel({ target: 5_000_000, averageDeal: 50_000, stages: [{ key: 'qualified_leads', conversionRate: 0.25 }, { key: 'contracts' }], periodAmountsMinor: weighted });
    expect(contracts!.perPeriod).toEqual([17, 17, 16, 50]);
  });

  it('splits a stage among members by their share of the target, every member × month cell adding up both ways', () => {
    const allocation = allocateTarget({ total: 5_000_000, scale: 2, shares: [{ holderId: 'ann', weight: 5 }, { holderId: 'bo', weight: 3 }, { holderId: 'cy', weight: 2 }] });
    const [opportunities] = deriveFunnel({ target: 5_000_000, averageDeal: 50_000, stages: [{ key: 'qualified_leads', conversionRate: 0.25 }, { key: 'contracts' }], periodAmountsMinor: evenMonths });
    const byMember = stageVolumeByHolder(opportunities!, allocation.parts);
    expect(byMember.map((member) => member.total)).toEqual([200, 120, 80]);
    byMember.forEach((member) => expect(sum(member.perPeriod)).toBe(member.total));
    opportunities!.perPeriod.forEach((month, j) => expect(sum(byMember.map((member) => member.perPeriod[j]!))).toBe(month));
  });

  it.each([
    [{ stages: [{ key: 'leads', conversionRate: 0 }, { key: 'contracts' }] }, 'stages.0.conversionRate'],
    [{ stages: [{ key: 'leads', conversionRate: 1.2 }, { key: 'contracts' }] }, 'stages.0.conversionRate'],
    [{ stages: [{ key: 'leads' }, { key: 'contracts' }] }, 'stages.0.conversionRate'],
    [{ stages: [{ key: 'leads', conversionRate: 0.5 }, { key: 'contracts', conversionRate: 0.5 }] }, 'stages.1.conversionRate'],
    [{ stages: [{ key: 'leads', conversionRate: 0.5 }, { key: 'leads' }] }, 'stages.1.key'],
    [{ stages: [] }, 'stages'],
    [{ stages: [{ key: 'contracts' }], averageDeal: 0 }, 'averageDeal'],
  ])('refuses %j naming %s', (input, field) => {
    expect(() => deriveFunnel({ target: 1000, averageDeal: 100, periodAmountsMinor: [1n], ...input })).toThrow(expect.objectContaining({ field }));
    expect(() => deriveFunnel({ target: 1000, averageDeal: 100, periodAmountsMinor: [1n], ...input })).toThrow(FunnelError);
  });
});
