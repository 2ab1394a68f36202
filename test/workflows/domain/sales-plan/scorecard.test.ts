import { describe, expect, it } from 'vitest';
import { ScorecardError, scoreMembers, type ScorecardDimension } from '../../../../workflows/domain/sales-plan/scorecard';

const dimensions: ScorecardDimension[] = [
  { key: 'revenue', weightPct: 50, capPct: 120 },
  { key: 'new_customers', weightPct: 20, capPct: 120 },
  { key: 'satisfaction', weightPct: 20, capPct: 120 },
  { key: 'training', weightPct: 10, capPct: 100 },
];

describe('the balanced scorecard', () => {
  it('ranks by the weighted score, so the member with the most revenue is not first when the rest of their card is weak', () => {
    const ranked = scoreMembers(dimensions, [
      // 150 % of revenue counts 120; 0.5 × 120 + 0.2 × 40 + 0.2 × 60 + 0.1 × 0 = 80
      { memberId: 'ann', attainments: { revenue: 150, new_customers: 40, satisfaction: 60, training: 0 } },
      // 0.5 × 100 + 0.2 × 100 + 0.2 × 90 + 0.1 × 100 = 98
      { memberId: 'bo', attainments: { revenue: 100, new_customers: 100, satisfaction: 90, training: 100 } },
      { memberId: 'cy', attainments: {} },
    ]);
    expect(ranked.map((member) => [member.memberId, member.rank, member.score])).toEqual([
      ['bo', 1, '98'],
      ['ann', 2, '80'],
      ['cy', 3, '0'],
    ]);
    expect(ranked[1]!.dimensions[0]).toEqual({ key: 'revenue', attainmentPct: 150, countedPct: 120, points: '60' });
    expect(ranked[2]).toMatchObject({ reportedNothing: true });
  });

  it('gives members with the same score the same rank', () => {
    const ranked = scoreMembers([{ key: 'revenue', weightPct: 100, capPct: 100 }], [{ memberId: 'a', attainments: { revenue: 90 } }, { memberId: 'b', attainments: { revenue: 120 } }, { memberId: 'c', attainments: { revenue: 100 } }]);
    expect(ranked.map((member) => [member.memberId, member.rank])).toEqual([['b', 1], ['c', 1], ['a', 3]]);
  });

  it.each([
    [[{ key: 'revenue', weightPct: 60, capPct: 100 }, { key: 'training', weightPct: 30, capPct: 100 }], 'dimensions', /add up to 90 %/],
    [[{ key: 'revenue', weightPct: 100, capPct: 0 }], 'dimensions.0.capPct', /more than 0/],
    [[{ key: 'revenue', weightPct: 110, capPct: 100 }, { key: 'training', weightPct: -10, capPct: 100 }], 'dimensions.1.weightPct', /0 or more/],
    [[{ key: 'revenue', weightPct: 50, capPct: 100 }, { key: 'revenue', weightPct: 50, capPct: 100 }], 'dimensions.1.key', /twice/],
  ])('refuses dimensions %j naming %s', (given, field, message) => {
    const refuse = () => scoreMembers(given, []);
    expect(refuse).toThrow(ScorecardError);
    expect(refuse).toThrow(expect.objectContaining({ field, message: expect.stringMatching(message) }));
  });
});
