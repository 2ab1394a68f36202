import type { Db } from '../../db/connect';
import { memberKpiTotals, metMilestoneIds } from '../../db/queries/incentives';
import type { IncentiveRulesRow } from '../../db/schema';
import { Dec } from '../../workflows/domain/decimal';
import { rankMembers } from '../../workflows/domain/ranking';
import { forecast } from '../../workflows/domain/sales-plan/forecast';
import { earnings, type Earnings } from '../../workflows/domain/sales-plan/incentives';
import { memberQuotas } from './member-quotas';

/** A member's earnings at a date: so far from the KPI reports, and at the forecast of their revenue. */
export interface MemberEarnings {
  memberId: string;
  name: string;
  quota: string;
  revenue: string;
  /** Their rank by revenue among the quota holders, counted for bonuses once the period is over. */
  rank: number;
  soFar: Earnings;
  forecastRevenue: string;
  forecastRank: number;
  atForecast: Earnings;
}

const ranks = (members: readonly { memberId: string; name: string }[], totals: ReadonlyMap<string, string>) =>
  new Map(
    rankMembers(members.map((m) => ({ memberId: m.memberId, name: m.name, total: totals.get(m.memberId) ?? '0', reportCount: 0 }))).map((r) => [r.memberId, r.rank]),
  );

/**
 * Every quota holder's earnings under the project's rules as of `asOf`: revenue is what they
 * reported of the rules' metric in their quota's period up to then; a milestone bonus needs the
 * milestone (theirs) found met by then; a rank bonus or recognition needs the period to be over
 * (a rank in the middle of the year is not yet won). At the forecast, the revenue is carried to
 * the period's end at their pace against their plan, and the ranking is that of the forecasts.
 */
export async function teamEarnings(db: Db, projectId: string, rules: IncentiveRulesRow, asOf: Date): Promise<MemberEarnings[]> {
  const quotas = await memberQuotas(db, projectId, rules.metric);
  if (quotas.length === 0) return [];
  const from = new Date(Math.min(...quotas.map((q) => q.from.getTime())));
  const revenue = await memberKpiTotals(db, projectId, rules.metric, from, asOf);
  const met = await metMilestoneIds(db, projectId, asOf);
  const forecasts = new Map(
    quotas.map((q) => {
      const actual = revenue.get(q.memberId) ?? '0';
      const carried = asOf >= q.due ? null : forecast({ plan: q.plan, actualByNow: actual, asOf, due: q.due }).value;
      return [q.memberId, Dec.max(new Dec(carried ?? actual), new Dec(actual)).toFixed()];
    }),
  );
  const rankNow = ranks(quotas, revenue);
  const rankAtForecast = ranks(quotas, forecasts);
  return quotas.map((q) => {
    const milestonesMet = met.filter((m) => m.ownerId === q.memberId).map((m) => m.id);
    const actual = revenue.get(q.memberId) ?? '0';
    const periodOver = asOf >= q.due;
    const rank = rankNow.get(q.memberId)!;
    const forecastRank = rankAtForecast.get(q.memberId)!;
    return {
      memberId: q.memberId,
      name: q.name,
      quota: q.quota,
      revenue: new Dec(actual).toFixed(),
      rank,
      soFar: earnings(rules.rules, { memberId: q.memberId, quota: q.quota, revenue: actual, milestonesMet, rank: periodOver ? rank : null }),
      forecastRevenue: forecasts.get(q.memberId)!,
      forecastRank,
      atForecast: earnings(rules.rules, { memberId: q.memberId, quota: q.quota, revenue: forecasts.get(q.memberId)!, milestonesMet, rank: forecastRank }),
    };
  });
}
