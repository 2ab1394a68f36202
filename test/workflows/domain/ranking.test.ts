import { describe, expect, it } from 'vitest';
import { memberKpiTotals, rankMembers, type MemberKpiReport } from '../../../workflows/domain/ranking';

const march = { from: new Date('2027-03-01T00:00:00+08:00'), to: new Date('2027-04-01T00:00:00+08:00') };
const members = [
  { id: 'u-li', name: 'Li Na' },
  { id: 'u-wang', name: 'Wang Wei' },
  { id: 'u-zhao', name: 'Zhao Lei' },
  { id: 'u-chen', name: 'Chen Jie' },
];
const report = (memberId: string, value: number, reportedAt: string, metric = 'revenue'): MemberKpiReport => ({
  memberId,
  metric,
  value,
  reportedAt: new Date(reportedAt),
});

const reports = [
  report('u-li', 100_000.1, '2027-03-02T10:00:00+08:00'),
  report('u-li', 50_000.2, '2027-03-20T10:00:00+08:00'),
  report('u-wang', 150_000.3, '2027-03-31T23:59:59+08:00'),
  report('u-zhao', 90_000, '2027-03-15T10:00:00+08:00'),
  report('u-zhao', 999_999, '2027-04-01T00:00:00+08:00'),
  report('u-zhao', 12, '2027-03-15T10:00:00+08:00', 'new_customers'),
  report('u-gone', 10, '2027-03-05T10:00:00+08:00'),
];

describe('memberKpiTotals', () => {
  it('adds up one metric per member within the month, exactly, with silent members at zero', () => {
    expect(memberKpiTotals(reports, { metric: 'revenue', ...march, members })).toEqual([
      { memberId: 'u-li', name: 'Li Na', total: '150000.3', reportCount: 2 },
      { memberId: 'u-wang', name: 'Wang Wei', total: '150000.3', reportCount: 1 },
      { memberId: 'u-zhao', name: 'Zhao Lei', total: '90000', reportCount: 1 },
      { memberId: 'u-chen', name: 'Chen Jie', total: '0', reportCount: 0 },
      { memberId: 'u-gone', name: 'u-gone', total: '10', reportCount: 1 },
    ]);
  });
});

describe('rankMembers', () => {
  const totals = memberKpiTotals(reports, { metric: 'revenue', ...march, members });

  it('ranks the highest total first and lets ties share a rank, ordered by name', () => {
    expect(rankMembers(totals).map(({ rank, name }) => [rank, name])).toEqual([
      [1, 'Li Na'],
      [1, 'Wang Wei'],
      [3, 'Zhao Lei'],
      [4, 'u-gone'],
      [5, 'Chen Jie'],
    ]);
  });

  it('can rank densely', () => {
    expect(rankMembers(totals, { ties: 'dense' }).map(({ rank }) => rank)).toEqual([1, 1, 2, 3, 4]);
  });

  it('ranks the lowest total first for at-most metrics', () => {
    expect(rankMembers(totals, { direction: 'at_most' }).map(({ name }) => name)).toEqual(['Chen Jie', 'u-gone', 'Zhao Lei', 'Li Na', 'Wang Wei']);
  });

  it('orders by id when totals and names are equal, whatever the input order', () => {
    const twins = [
      { memberId: 'b', name: 'Sam', total: '1', reportCount: 1 },
      { memberId: 'a', name: 'Sam', total: '1', reportCount: 1 },
    ];
    expect(rankMembers(twins).map(({ memberId }) => memberId)).toEqual(['a', 'b']);
    expect(rankMembers([...twins].reverse()).map(({ memberId }) => memberId)).toEqual(['a', 'b']);
  });

  it('adds each member attainment of their own target', () => {
    const ranked = rankMembers(totals, { targets: new Map([['u-zhao', 120_000]]) });
    expect(ranked.find((member) => member.memberId === 'u-zhao')?.attainmentPercent).toBe(75);
    expect(ranked.find((member) => member.memberId === 'u-li')?.attainmentPercent).toBeNull();
  });
});
