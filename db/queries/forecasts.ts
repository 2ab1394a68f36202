import { forecast, type Forecast, type PlanPeriod } from '../../workflows/domain/sales-plan/forecast';
import { periodActuals, planFromCheckpoints, planWithin } from '../../workflows/domain/sales-plan/forecast-plan';
import type { ForecastSubjectKind } from '../../workflows/domain/sales-plan/forecast-subjects';
import { metricAggregation } from '../../workflows/domain/smart-goal';
import { Dec } from '../../workflows/domain/decimal';
import type { Db } from '../connect';
import type { Goal, Milestone, SalesProject } from '../schema';
import type { KpiPoint } from './dashboard';
import { listMemberQuotas, type MemberQuota } from './goal-allocations';
import { goalRowKpiMetric, goalRowLabel } from './goals';
import { loadProgressInputs } from './project-progress';
import { kpiAggregation } from './risks';

/** Where one goal, allocation or milestone is heading, and what it is. */
export interface SubjectForecast {
  kind: ForecastSubjectKind;
  /** A goal's or milestone's id; an allocation's is `<goal id>:user:<id>` or `<goal id>:team:<id>`. */
  id: string;
  name: string;
  goalId: string | null;
  metric: string;
  unit: string;
  /** Whose it is: the milestone's owner, the member holding the allocation, the project owner for a goal (null for a team). */
  ownerId: string | null;
  /** The member or team holding an allocation; the member of a member's milestone. */
  holder: { userId: string | null; teamId: string | null } | null;
  start: string;
  due: string;
  /** The plan at the due date (the milestone's own target, the quota, the goal's target). */
  target: string;
  /** The plan's cumulative value at the end of each period, for drawing it. */
  plan: { at: string; cumulative: string }[];
  forecast: Forecast;
}

/** What forecasts are computed from, all read at once. */
export interface ForecastInputs {
  goals: Goal[];
  milestones: Milestone[];
  points: KpiPoint[];
  quotas: MemberQuota[];
  /** Team id → its members' ids (a team's figures are its members' reports). */
  teams: Map<string, string[]>;
}

const at = (date: Date) => date.getTime();
const earlier = (a: Date, b: Date) => (at(a) < at(b) ? a : b);

/** The plan's cumulative value at the end of each period, for the chart. */
function cumulativeOf(plan: readonly PlanPeriod[]): { at: string; cumulative: string }[] {
  let sum = new Dec(0);
  return plan.map((period) => {
    sum = sum.plus(period.amount);
    return { at: period.end.toISOString(), cumulative: sum.toDecimalPlaces(2).toFixed() };
  });
}

/** Forecast of `plan` from the reports in `points` that count (`from` on, reported by `by` when given). */
function paced(plan: readonly PlanPeriod[], points: readonly KpiPoint[], metric: string, from: Date, due: Date, asOf: Date, by: ReadonlySet<string> | null): Forecast {
  const counted = points
    .filter((p) => p.metric === metric && at(p.reportedAt) >= at(from) && (by === null || by.has(p.reporterId)))
    .map((p) => ({ at: p.reportedAt, value: p.value }));
  // A report at the due instant belongs to what comes after (periods are half-open), as progress counts it.
  const until = earlier(asOf, new Date(at(due) - 1));
  const actualByNow = counted.filter((p) => at(p.at) <= at(until)).reduce((sum, p) => sum.plus(p.value), new Dec(0));
  return forecast({ plan, actualByNow: actualByNow.toFixed(), asOf, due, periodActuals: periodActuals(plan, counted, asOf) });
}

/** A goal's plan: the cumulative targets of its own milestones (not members'), the rest of its target over what is left. */
function goalPlan(goal: Goal, milestones: readonly Milestone[]): PlanPeriod[] {
  let periodSum = new Dec(0);
  const checkpoints = milestones
    .filter((m) => m.goalId === goal.id && !m.memberId)
    .sort((a, b) => at(a.dueAt) - at(b.dueAt))
    .map((m) => {
      periodSum = periodSum.plus(m.targetValue);
      return { at: m.dueAt, cumulative: m.targetKind === 'period' ? periodSum.toFixed() : m.targetValue };
    });
  return planFromCheckpoints({ start: goal.periodStart, end: goal.periodEnd, total: goal.target, checkpoints });
}

const allocationId = (q: Pick<MemberQuota, 'goalId' | 'userId' | 'teamId'>) => (q.userId ? `${q.goalId}:user:${q.userId}` : `${q.goalId}:team:${q.teamId ?? ''}`);

/**
 * Forecasts of every goal that builds up a total toward an at-least target, every member's and
 * team's allocation of one, and every milestone of a metric that sums — each paced against its own
 * part of the decomposition. Pure: the API, the flow trigger and the test run compute it alike.
 */
export function projectForecasts(project: Pick<SalesProject, 'periodStart' | 'ownerId'>, inputs: ForecastInputs, asOf: Date): SubjectForecast[] {
  const { goals, milestones, points, quotas, teams } = inputs;
  const forecastable = goals.filter((g) => metricAggregation(g.metric) === 'sum' && g.direction === 'at_least');
  const plans = new Map(forecastable.map((g) => [g.id, goalPlan(g, milestones)]));
  const quotaPlan = (q: MemberQuota): PlanPeriod[] => q.months.map((m) => ({ start: m.start, end: m.end, amount: m.amount }));
  const reportersOf = (holder: { userId: string | null; teamId: string | null }) => new Set(holder.userId ? [holder.userId] : (teams.get(holder.teamId ?? '') ?? []));
  const result: SubjectForecast[] = [];

  for (const goal of forecastable) {
    const plan = plans.get(goal.id)!;
    const metric = goalRowKpiMetric(goal);
    result.push({
      kind: 'goal',
      id: goal.id,
      name: goalRowLabel(goal),
      goalId: goal.id,
      metric,
      unit: goal.unit,
      ownerId: project.ownerId,
      holder: null,
      start: goal.periodStart.toISOString(),
      due: goal.periodEnd.toISOString(),
      target: goal.target,
      plan: cumulativeOf(plan),
      forecast: paced(plan, points, metric, goal.periodStart, goal.periodEnd, asOf, null),
    });
    for (const quota of quotas.filter((q) => q.goalId === goal.id)) {
      const holder = { userId: quota.userId, teamId: quota.teamId };
      const qPlan = quotaPlan(quota);
      result.push({
        kind: 'allocation',
        id: allocationId(quota),
        name: goalRowLabel(goal),
        goalId: goal.id,
        metric,
        unit: goal.unit,
        ownerId: quota.userId,
        holder,
        start: quota.periodStart.toISOString(),
        due: quota.periodEnd.toISOString(),
        target: quota.quota,
        plan: cumulativeOf(qPlan),
        forecast: paced(qPlan, points, metric, quota.periodStart, quota.periodEnd, asOf, reportersOf(holder)),
      });
    }
  }

  const goalById = new Map(forecastable.map((g) => [g.id, g]));
  for (const m of milestones) {
    if (kpiAggregation(m.metric) !== 'sum') continue;
    const goal = m.goalId ? goalById.get(m.goalId) : undefined;
    if (m.goalId && !goal) continue;
    const from = m.periodStart ?? goal?.periodStart ?? project.periodStart;
    const quota = m.memberId && goal ? quotas.find((q) => q.goalId === goal.id && q.userId === m.memberId) : undefined;
    // A milestone paces against its part of the plan it belongs to: the member's quota, the goal's decomposition, else itself.
    const source = quota ? quotaPlan(quota) : goal && !m.memberId ? plans.get(goal.id)! : null;
    const plan = source ? planWithin(source, from, m.dueAt) : [{ start: from, end: m.dueAt, amount: m.targetValue }];
    const holder = m.memberId ? { userId: m.memberId, teamId: null } : null;
    result.push({
      kind: 'milestone',
      id: m.id,
      name: m.name,
      goalId: m.goalId,
      metric: m.metric,
      unit: goal?.unit ?? '',
      ownerId: m.ownerId,
      holder,
      start: from.toISOString(),
      due: m.dueAt.toISOString(),
      target: m.targetValue,
      plan: cumulativeOf(plan),
      forecast: paced(plan, points, m.metric, from, m.dueAt, asOf, holder ? reportersOf(holder) : null),
    });
  }
  return result;
}

/** Everything `projectForecasts` reads, for a project, with reports up to `asOf`. */
export async function loadForecastInputs(db: Db, projectId: string, asOf: Date): Promise<ForecastInputs> {
  const [progress, quotas] = await Promise.all([loadProgressInputs(db, projectId, asOf), listMemberQuotas(db, projectId)]);
  const teamIds = [...new Set(quotas.flatMap((q) => (q.teamId ? [q.teamId] : [])))];
  const rows = teamIds.length === 0 ? [] : await db.selectFrom('team_members').select(['teamId', 'userId']).where('teamId', 'in', teamIds).execute();
  const teams = new Map<string, string[]>();
  for (const row of rows) teams.set(row.teamId, [...(teams.get(row.teamId) ?? []), row.userId]);
  return { ...progress, quotas, teams };
}

export async function loadProjectForecasts(db: Db, project: Pick<SalesProject, 'id' | 'periodStart' | 'ownerId'>, asOf: Date): Promise<SubjectForecast[]> {
  return projectForecasts(project, await loadForecastInputs(db, project.id, asOf), asOf);
}

/** The newest crossing of each subject at a threshold: which side of it each forecast was last seen on. */
export async function latestForecastCrossings(db: Db, projectId: string, thresholdPct: number): Promise<Map<string, { direction: 'fell_below' | 'rose_above'; percentOfPlan: number }>> {
  const rows = await db
    .selectFrom('forecast_crossings')
    .select(['subjectKind', 'subjectId', 'direction', 'percentOfPlan'])
    .distinctOn(['subjectKind', 'subjectId'])
    .where('projectId', '=', projectId)
    .where('thresholdPct', '=', String(thresholdPct))
    .orderBy('subjectKind')
    .orderBy('subjectId')
    .orderBy('crossedAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((r) => [`${r.subjectKind}:${r.subjectId}`, { direction: r.direction, percentOfPlan: Number(r.percentOfPlan) }]));
}

export async function insertForecastCrossing(
  db: Db,
  row: { projectId: string; subjectKind: ForecastSubjectKind; subjectId: string; thresholdPct: number; direction: 'fell_below' | 'rose_above'; percentOfPlan: number; forecast: Forecast; reportId: string | null },
): Promise<string> {
  const inserted = await db
    .insertInto('forecast_crossings')
    .values({ ...row, thresholdPct: String(row.thresholdPct), percentOfPlan: String(row.percentOfPlan), forecast: JSON.stringify(row.forecast) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}
