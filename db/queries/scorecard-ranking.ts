import type { Db } from '../connect';
import { metricAggregation } from '../../workflows/domain/smart-goal';
import { scorecardRanking, type ScorecardDimensionConfig, type ScoredMemberWithName } from '../../workflows/domain/sales-plan/training-and-scorecard';
import { listKpiPoints } from './dashboard';
import { listMemberQuotas } from './goal-allocations';
import { goalRowKpiMetric, listGoals } from './goals';
import { findScorecard } from './scorecards';
import { listTrainingCompletion } from './training';

export interface ScorecardStanding {
  dimensions: ScorecardDimensionConfig[];
  from: string;
  to: string;
  entries: ScoredMemberWithName[];
}

/**
 * The window a ranking over the whole project covers at `now`: its period, and after its end the
 * late reports of the monitoring window too (targets stay the goal periods'). The closing review
 * and incentive rank bonuses rank over it, so both give a member the same place.
 */
export const wholeProjectWindow = (project: { periodStart: Date; periodEnd: Date }, now: Date) => ({
  from: project.periodStart,
  to: new Date(Math.max(project.periodEnd.getTime(), now.getTime() + 1)),
});

/**
 * The project's members ranked by its balanced scorecard over [from, to) (a month, or the whole
 * project), every member listed; a member's total is measured against their own quota of a goal
 * allocated to members, else an equal share of its target. Null when the project has no scorecard
 * (the ranking by one metric stays as it was).
 */
export async function loadScorecardStanding(
  db: Db,
  projectId: string,
  members: readonly { id: string; name: string }[],
  window: { from: Date; to: Date },
): Promise<ScorecardStanding | null> {
  const scorecard = await findScorecard(db, projectId);
  if (!scorecard) return null;
  const quotas = (await listMemberQuotas(db, projectId)).filter((q) => q.userId !== null);
  const goals = (await listGoals(db, projectId)).map((g) => ({
    kpiMetric: goalRowKpiMetric(g),
    direction: g.direction,
    aggregation: metricAggregation(g.metric),
    target: g.target,
    periodStart: g.periodStart,
    periodEnd: g.periodEnd,
    quotas: quotas.filter((q) => q.goalId === g.id).map((q) => ({ memberId: q.userId!, months: q.months })),
  }));
  const metrics = scorecard.dimensions.map((d) => d.key);
  const points = await listKpiPoints(db, projectId, metrics, new Date(window.to.getTime() - 1));
  const training = await listTrainingCompletion(db, projectId, window.from, window.to);
  const entries = scorecardRanking({
    dimensions: scorecard.dimensions,
    members,
    goals,
    reports: points.map((p) => ({ memberId: p.reporterId, metric: p.metric, value: p.value, reportedAt: p.reportedAt })),
    training,
    from: window.from,
    to: window.to,
  });
  return { dimensions: scorecard.dimensions, from: window.from.toISOString(), to: window.to.toISOString(), entries };
}
