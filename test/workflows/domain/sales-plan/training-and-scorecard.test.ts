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
});
