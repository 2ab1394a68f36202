import type { Db } from '../../db/connect';
import { memberKpiTotals, metMilestoneIds } from '../../db/queries/incentives';
import { getProject } from '../../db/queries/projects';
import { wholeProjectWindow } from '../../db/queries/scorecard-ranking';
import type { IncentiveRulesRow } from '../../db/schema';
import { Dec } from '../../workflows/domain/decimal';
import { rankMembers } from '../../workflows/domain/ranking';
import { forecast } from '../../workflows/domain/sales-plan/forecast';
import { earnings, type Earnings } from '../../workflows/domain/sales-plan/incentives';
import { scorecardStandingFor } from '../routes/scorecard';
import { memberQuotas } from './member-quotas';

/** A member's earnings at a date: so far from the KPI reports, and at the forecast of their revenue. */
export interface MemberEarnings {
  memberId: string;
  name: string;
  quota: string;
  revenue: string;
  /**
   * Their place in the scorecard's ranking when the project has a scorecard (the ranking its route
   * and the closing review show), else their rank by revenue among the quota holders; counted for
   * bonuses once the period is over.
   */
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
 * (a rank in the middle of the year is not yet won). The rank is the place in the scorecard's
 * ranking when the project has a scorecard, else by revenue among the quota holders. At the
 * forecast, the revenue is carried to the period's end at their pace against their plan, and the
 * ranking by revenue is that of the forecasts (the scorecard's stays the one so far).
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
  // With a scorecard, "a scorecard rank" is its ranking over the whole project (no forecast of a score: the place so far stands for it).
  const project = await getProject(db, projectId);
  const standing = await scorecardStandingFor(db, project, wholeProjectWindow(project, asOf));
  // Ranked among those who can earn (the quota holders), in the scorecard's order: a first place
  // held by someone without a quota (the owner) does not leave the bonus to nobody.
  const scores = standing ? new Map(standing.entries.map((e) => [e.memberId, e.score])) : null;
  const scorecardRanks = scores ? ranks(quotas.filter((q) => scores.has(q.memberId)), scores) : null;
  const rankNow = scorecardRanks ?? ranks(quotas, revenue);
  const rankAtForecast = scorecardRanks ?? ranks(quotas, forecasts);
  return quotas.map((q) => {
    const milestonesMet = met.filter((m) => m.ownerId === q.memberId).map((m) => m.id);
    const actual = revenue.get(q.memberId) ?? '0';
    const periodOver = asOf >= q.due;
    // A holder the scorecard does not list (no longer on the project) comes after everyone it ranks.
    const rank = rankNow.get(q.memberId) ?? rankNow.size + 1;
    const forecastRank = rankAtForecast.get(q.memberId) ?? rankAtForecast.size + 1;
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
