import { attainmentPercent } from './attainment';
import { Dec } from './decimal';
import { sumExact } from './money';
import type { GoalDirection } from './smart-goal';

/** The fields a KPI report needs for totals; database rows and CSV rows both fit after mapping. */
export interface MemberKpiReport {
  memberId: string;
  metric: string;
  /** Decimal text as stored (or an exact number). */
  value: number | string;
  reportedAt: Date;
}

export interface RankingMember {
  id: string;
  name: string;
}

export interface MemberKpiTotal {
  memberId: string;
  name: string;
  /** Exact decimal text. */
  total: string;
  reportCount: number;
}

export interface RankedMember extends MemberKpiTotal {
  /** 1 is best; members with equal totals share a rank. */
  rank: number;
  /** Of the member's own target, when one was given. */
  attainmentPercent: number | null;
}

/**
 * Each member's total of one metric over [from, to). Listed members without reports get 0, so a
 * monthly ranking shows the whole team; reports by members not listed still count, named by id.
 * Sums are exact decimals (0.1 + 0.2 is 0.3).
 */
export function memberKpiTotals(
  reports: readonly MemberKpiReport[],
  options: { metric: string; from?: Date; to?: Date; members?: readonly RankingMember[] },
): MemberKpiTotal[] {
  const { metric, from, to, members = [] } = options;
  const values = new Map<string, (number | string)[]>(members.map((member) => [member.id, []]));
  for (const report of reports) {
    const at = report.reportedAt.getTime();
    if (report.metric !== metric) continue;
    if (from && at < from.getTime()) continue;
    if (to && at >= to.getTime()) continue;
    const memberValues = values.get(report.memberId) ?? [];
    memberValues.push(report.value);
    values.set(report.memberId, memberValues);
  }
  const names = new Map(members.map((member) => [member.id, member.name]));
  return [...values].map(([memberId, memberValues]) => ({
    memberId,
    name: names.get(memberId) ?? memberId,
    total: sumExact(memberValues),
    reportCount: memberValues.length,
  }));
}

/** Code-unit order, not locale order: the same on every machine and inside the workflow sandbox. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Best first: highest total, or lowest for at-most metrics; ties in name then id order. Ties share
 * a rank — 'competition' skips the next ranks (1, 1, 3), 'dense' does not (1, 1, 2).
 */
export function rankMembers(
  totals: readonly MemberKpiTotal[],
  options: { direction?: GoalDirection; ties?: 'competition' | 'dense'; targets?: ReadonlyMap<string, number | string> } = {},
): RankedMember[] {
  const { direction = 'at_least', ties = 'competition', targets } = options;
  const better = direction === 'at_least' ? -1 : 1;
  const sorted = [...totals].sort(
    (a, b) =>
      new Dec(a.total).comparedTo(new Dec(b.total)) * better ||
      compareText(a.name, b.name) ||
      compareText(a.memberId, b.memberId),
  );
  let rank = 0;
  let distinct = 0;
  return sorted.map((member, index) => {
    if (index === 0 || !new Dec(member.total).eq(new Dec(sorted[index - 1]?.total ?? '0'))) {
      distinct += 1;
      rank = ties === 'dense' ? distinct : index + 1;
    }
    const target = targets?.get(member.memberId);
    return {
      ...member,
      rank,
      attainmentPercent: target === undefined ? null : attainmentPercent({ actual: member.total, target, direction }),
    };
  });
}
