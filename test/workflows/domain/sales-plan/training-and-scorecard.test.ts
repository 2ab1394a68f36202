import { describe, expect, it } from 'vitest';
import { memberAttainments, scorecardRanking, type ScorecardInputs } from '../../../../workflows/domain/sales-plan/training-and-scorecard';

const year = { periodStart: new Date('2027-01-01T00:00:00Z'), periodEnd: new Date('2028-01-01T00:00:00Z') };
const at = (iso: string) => new Date(iso);

function inputs(extra: Partial<ScorecardInputs> = {}): ScorecardInputs {
  return {
    dimensions: [
      { key: 'revenue', weightPct: 50, capPct: 120 },
      { key: 'satisfaction', weightPct: 20, capPct: 100 },
      { key: 'training', weightPct: 30, capPct: 100 },
    ],
    members: [
      { id: 'a', name: 'Ann' },
      { id: 'b', name: 'Bo' },
    ],
    goals: [
      { kpiMetric: 'revenue', direction: 'at_least', aggregation: 'sum', target: '730000', ...year },
      { kpiMetric: 'satisfaction', direction: 'at_least', aggregation: 'latest', target: '4.5', ...year },
    ],
    reports: [
      { memberId: 'a', metric: 'revenue', value: '20000', reportedAt: at('2027-03-05T00:00:00Z') },
      { memberId: 'a', metric: 'revenue', value: '11000', reportedAt: at('2027-03-20T00:00:00Z') },
      { memberId: 'a', metric: 'satisfaction', value: '3.6', reportedAt: at('2027-03-21T00:00:00Z') },
      { memberId: 'a', metric: 'revenue', value: '99999', reportedAt: at('2027-04-01T00:00:00Z') },
    ],
    training: [
      { memberId: 'a', completed: true },
      { memberId: 'a', completed: false },
    ],
    from: at('2027-03-01T00:00:00Z'),
    to: at('2027-04-01T00:00:00Z'),
    ...extra,
  };
}

describe('member attainment for the balanced scorecard', () => {
  it("counts a total against the member's equal share of the month's pro-rated target, a score against the goal's own target, and training as items completed", () => {
    // March is 31 of 365 days: 730,000 × 31/365 = 62,000 for the team, 31,000 for each of two.
    const [ann, bo] = memberAttainments(inputs());
    expect(ann!.attainments).toEqual({ revenue: 100, satisfaction: 80, training: 50 });
    expect(bo!.attainments).toEqual({ revenue: undefined, satisfaction: undefined, training: undefined });
  });

  it('ranks by the weighted, capped score and lists a member who reported nothing with zeros', () => {
    const ranked = scorecardRanking(inputs());
    expect(ranked.map((m) => [m.name, m.rank, m.score, m.reportedNothing])).toEqual([
      ['Ann', 1, '81', false],
      ['Bo', 2, '0', true],
    ]);
  });

  it('takes the whole target over the whole goal period', () => {
    const [ann] = memberAttainments(inputs({ from: year.periodStart, to: year.periodEnd, members: [{ id: 'a', name: 'Ann' }] }));
    // 130,999 of 730,000.
    expect(ann!.attainments.revenue).toBeCloseTo((130_999 / 730_000) * 100, 10);
  });

  it("counts a total against the member's own quota for the window when the goal is allocated to members, pro-rating a month the window only partly covers", () => {
    const month = (m: number, amount: string) => ({ start: at(`2027-0${m}-01T00:00:00Z`), end: at(`2027-0${m + 1}-01T00:00:00Z`), amount });
    const [revenue, satisfaction] = inputs().goals;
    const allocated = {
      ...revenue!,
      quotas: [
        { memberId: 'a', months: [month(2, '90000'), month(3, '62000'), month(4, '5000')] },
        { memberId: 'b', months: [month(3, '10000')] },
      ],
    };
    // Ann's March quota is 62,000: her 31,000 is half of it, where the equal share made it 100 %.
    const [ann, bo] = memberAttainments(inputs({ goals: [allocated, satisfaction!], reports: [...inputs().reports, { memberId: 'b', metric: 'revenue', value: '10000', reportedAt: at('2027-03-10T00:00:00Z') }] }));
    expect(ann!.attainments.revenue).toBe(50);
    expect(bo!.attainments.revenue).toBe(100);
    // A window from March 16th takes 16 of March's 31 days of her quota.
    const [annLate] = memberAttainments(inputs({ goals: [allocated, satisfaction!], from: at('2027-03-16T00:00:00Z'), to: at('2027-04-01T00:00:00Z') }));
    // 11,000 reported after the 16th against 62,000 × 16/31 = 32,000.
    expect(annLate!.attainments.revenue).toBeCloseTo((11_000 / 32_000) * 100, 10);
  });

  it('gives a member who holds no part of an allocated goal no target on it, so its dimension counts nothing for them', () => {
    const [revenue, satisfaction] = inputs().goals;
    const allocated = { ...revenue!, quotas: [{ memberId: 'b', months: [{ start: at('2027-03-01T00:00:00Z'), end: at('2027-04-01T00:00:00Z'), amount: '10000' }] }] };
    const [ann] = memberAttainments(inputs({ goals: [allocated, satisfaction!] }));
    expect(ann!.attainments).toEqual({ revenue: undefined, satisfaction: 80, training: 50 });
  });
});
