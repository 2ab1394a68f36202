import { expect, it } from 'vitest';
import { withAmountsAsText, type RetrospectiveReport } from '../../../workflows/domain/retrospective-report';

it('reads the amounts of a report stored when they were numbers as exact text, and leaves lists a report lacks alone', () => {
  const stored = {
    milestones: [{ milestoneId: 'm', name: 'Q1', dueAt: '2027-03-31T00:00:00Z', target: 300, actual: null, status: 'missed', daysLate: 0, owner: 'Rosa' }],
    series: [{ metric: 'revenue', at: '2027-03-31T00:00:00Z', planned: 300, actual: 250.5 }],
    budget: [{ category: 'Ads', planned: 1000, spent: '1200.50', overrunPct: 20.05 }],
  } as unknown as RetrospectiveReport;
  const read = withAmountsAsText(stored);
  expect(read.milestones.map((m) => [m.target, m.actual])).toEqual([['300', null]]);
  expect(read.series.map((p) => [p.planned, p.actual])).toEqual([['300', '250.5']]);
  expect(read.budget.map((b) => [b.planned, b.spent])).toEqual([['1000', '1200.50']]);
  expect(withAmountsAsText({ goals: [] } as unknown as RetrospectiveReport)).toEqual({ goals: [] });
});
