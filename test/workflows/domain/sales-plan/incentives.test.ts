import { describe, expect, it } from 'vitest';
import { IncentiveRuleError, checkIncentiveRules, earnings, type IncentiveRules } from '../../../../workflows/domain/sales-plan/incentives';

/** 3 % up to quota, 5 % from 100 % to 120 %, an 8 % accelerator above, commission capped at 60,000. */
const rules: IncentiveRules = {
  commission: {
    tiers: [
      { fromPct: 0, toPct: 100, rate: '0.03' },
      { fromPct: 100, toPct: 120, rate: '0.05' },
      { fromPct: 120, toPct: null, rate: '0.08' },
    ],
    cap: 60_000,
  },
  bonuses: [
    { id: 'h1', kind: 'milestone', milestoneId: 'half-year', amount: 5_000 },
    { id: 'first', kind: 'rank', rank: 1, amount: '10000' },
  ],
  recognitions: [{ id: 'champion', rank: 1, title: '销售冠军' }],
};

describe('incentive pay', () => {
  // Worked by hand, tier by tier:
  //   Ann  800,000 of 1,000,000 (80 %):   3 % × 800,000 = 24,000.00; met the half-year milestone: +5,000
  //   Bo   1,000,000 of 1,000,000:        3 % × 1,000,000 = 30,000.00
  //   Cy   1,100,000 of 1,000,000 (110 %): 30,000 + 5 % × 100,000 = 35,000.00
  //   Dee  1,500,000 of 1,000,000 (150 %): 30,000 + 5 % × 200,000 + 8 % × 300,000 = 64,000 → cap 60,000; first: +10,000
  //   Eli  912,345.67 of 750,000 (121.65 %): 22,500 + 5 % × 150,000 + 8 % × 12,345.67 = 30,987.6536 → 30,987.65
  //   Fay  nothing of 600,000:            0.00
  it.each([
    ['ann', 1_000_000, 800_000, ['half-year'], 3, { commission: '24000.00', capped: false, bonuses: ['h1'], total: '29000.00', attainmentPct: '80' }],
    ['bo', 1_000_000, 1_000_000, [], 2, { commission: '30000.00', capped: false, bonuses: [], total: '30000.00', attainmentPct: '100' }],
    ['cy', 1_000_000, 1_100_000, [], 4, { commission: '35000.00', capped: false, bonuses: [], total: '35000.00', attainmentPct: '110' }],
    ['dee', 1_000_000, 1_500_000, [], 1, { commission: '60000.00', commissionBeforeCap: '64000.00', capped: true, bonuses: ['first'], total: '70000.00', attainmentPct: '150' }],
    ['eli', 750_000, '912345.67', [], 5, { commission: '30987.65', capped: false, bonuses: [], total: '30987.65', attainmentPct: '121.65' }],
    ['fay', 600_000, 0, [], 6, { commission: '0.00', capped: false, bonuses: [], total: '0.00', attainmentPct: '0' }],
  ] as const)('pays %s (quota %s, revenue %s) exactly what was worked out by hand', (memberId, quota, revenue, milestonesMet, rank, expected) => {
    const earned = earnings(rules, { memberId, quota, revenue, milestonesMet, rank });
    expect({ ...earned, bonuses: earned.bonuses.map((bonus) => bonus.id) }).toMatchObject(expected);
  });

  it('shows the revenue each tier paid on, so a member can check the sum', () => {
    const earned = earnings(rules, { memberId: 'eli', quota: 750_000, revenue: '912345.67', milestonesMet: [], rank: 5 });
    expect(earned.tiers.map((tier) => [tier.base, tier.commission])).toEqual([
      ['750000.00', '22500.00'],
      ['150000.00', '7500.00'],
      ['12345.67', '987.65'],
    ]);
  });

  it('recognises the first in the ranking as 销售冠军, beside the money', () => {
    expect(earnings(rules, { memberId: 'dee', quota: 1, revenue: 1, milestonesMet: [], rank: 1 }).recognitions).toEqual([{ id: 'champion', title: '销售冠军' }]);
  });

  it.each([
    [{ tiers: [{ fromPct: 0, toPct: 100, rate: 0.03 }, { fromPct: 110, toPct: null, rate: 0.05 }] }, 'commission.tiers.1.fromPct', /gap/],
    [{ tiers: [{ fromPct: 0, toPct: 100, rate: 0.03 }, { fromPct: 90, toPct: null, rate: 0.05 }] }, 'commission.tiers.1.fromPct', /overlap/],
    [{ tiers: [{ fromPct: 10, toPct: null, rate: 0.03 }] }, 'commission.tiers.0.fromPct', /starts at 0/],
    [{ tiers: [{ fromPct: 0, toPct: 100, rate: 0.03 }] }, 'commission.tiers.0.toPct', /no upper end/],
    [{ tiers: [{ fromPct: 0, toPct: null, rate: 3 }] }, 'commission.tiers.0.rate', /from 0 to 1/],
    [{ tiers: [{ fromPct: 0, toPct: null, rate: 0.03 }], cap: -1 }, 'commission.cap', /negative/],
  ])('refuses commission rules %j naming %s', (commission, field, message) => {
    const refuse = () => checkIncentiveRules({ commission, bonuses: [], recognitions: [] });
    expect(refuse).toThrow(IncentiveRuleError);
    expect(refuse).toThrow(expect.objectContaining({ field, message: expect.stringMatching(message) }));
  });
});
