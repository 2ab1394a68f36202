import { createRoute, type z } from '@hono/zod-openapi';
import { DateTime } from 'luxon';
import { listKpiPoints, userNames } from '../../db/queries/dashboard';
import { listGoals } from '../../db/queries/goals';
import { listProjectPeople } from '../../db/queries/members';
import { listMilestones } from '../../db/queries/projects';
import { listRisks } from '../../db/queries/risks';
import type { Goal, Milestone, SalesProject } from '../../db/schema';
import {
  assessProgress,
  attainmentPercent,
  goalKpiMetric,
  memberKpiTotals,
  metricAggregation,
  rankMembers,
  sumExact,
  type GoalDirection,
  type RankingMember,
} from '../../workflows/domain';
import type { AppDeps } from '../deps';
import { calendarOf, requireProject, round2 } from '../plan-guard';
import { createRouter } from '../router';
import { IdParam, errorResponses } from '../schemas/common';
import { Dashboard, DashboardQuery, GoalProgress, MilestoneProgress, Ranking } from '../schemas/dashboard';
import { budgetSummary } from './budget';
import { goalLabel } from './plan';
import { evaluateEarlyWarning, kpiAggregation } from '../../db/queries/risks';
import { riskDto } from './risks';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

interface Point {
  metric: string;
  value: number;
  reportedAt: Date;
  reporterId: string;
}

/**
 * A metric over [from, until]: the exact total, or the latest value for rates and scores (null
 * when none was reported). `points` are oldest first.
 */
function aggregate(points: readonly Point[], metric: string, how: 'sum' | 'latest', from: Date | null, until: Date): number | null {
  const values = points
    .filter((p) => p.metric === metric && (!from || p.reportedAt >= from) && p.reportedAt <= until)
    .map((p) => p.value);
  if (how === 'sum') return sumExact(values);
  return values.at(-1) ?? null;
}

const earlier = (a: Date, b: Date): Date => (a < b ? a : b);
/** Goal periods are half-open: a report at the end instant belongs to the next period. */
const lastInstantOf = (end: Date): Date => new Date(end.getTime() - 1);
const pct = (value: number | null): number | null => (value === null ? null : round2(value));

function goalProgress(goal: Goal, milestones: readonly Milestone[], points: readonly Point[], asOf: Date): z.infer<typeof GoalProgress> {
  const kpiMetric = goalKpiMetric({ metric: goal.metric, customMetricName: goal.custom_name ?? undefined });
  const how = metricAggregation(goal.metric);
  const target = Number(goal.target);
  const baseline = goal.baseline === null ? null : Number(goal.baseline);
  // Totals build up from zero; rates and scores move from where they were (the baseline).
  const from = how === 'latest' && baseline !== null ? baseline : undefined;
  const reported = aggregate(points, kpiMetric, how, goal.period_start, earlier(asOf, lastInstantOf(goal.period_end)));
  const actual = reported ?? baseline;
  const assessment =
    actual === null
      ? null
      : assessProgress({ actual, target, direction: goal.direction, start: goal.period_start, due: goal.period_end, at: asOf, from });

  const plannedPeriods: number[] = [];
  const series = milestones
    .filter((m) => m.goal_id === goal.id)
    .map((m) => {
      // Per-period targets add up to the cumulative plan; cumulative ones already are it.
      plannedPeriods.push(Number(m.target_value));
      const plannedCumulative = m.target_kind === 'period' ? sumExact(plannedPeriods) : Number(m.target_value);
      const actualCumulative = m.due_at <= asOf ? aggregate(points, kpiMetric, how, goal.period_start, m.due_at) : null;
      return {
        milestoneId: m.id,
        name: m.name,
        at: m.due_at.toISOString(),
        plannedCumulative,
        actualCumulative,
        attainmentPct:
          actualCumulative === null ? null : pct(attainmentPercent({ actual: actualCumulative, target: plannedCumulative, direction: goal.direction, from })),
      };
    });

  return {
    goalId: goal.id,
    label: goalLabel(goal),
    metric: goal.metric,
    kpiMetric,
    unit: goal.unit,
    direction: goal.direction,
    baseline,
    target,
    periodStart: goal.period_start.toISOString(),
    periodEnd: goal.period_end.toISOString(),
    actual,
    expected: assessment ? round2(assessment.expected) : null,
    attainmentPct: assessment ? pct(assessment.finalAttainmentPercent) : null,
    progressPct: assessment ? pct(assessment.attainmentPercent) : null,
    status: assessment?.status ?? null,
    met: assessment?.met ?? false,
    series,
  };
}

function milestoneProgress(
  project: SalesProject,
  m: Milestone,
  direction: GoalDirection,
  points: readonly Point[],
  asOf: Date,
): z.infer<typeof MilestoneProgress> {
  const from = m.target_kind === 'period' ? m.period_start : (m.period_start ?? project.period_start);
  const actual = aggregate(points, m.metric, kpiAggregation(m.metric), from, earlier(asOf, m.due_at));
  const target = Number(m.target_value);
  return {
    milestoneId: m.id,
    name: m.name,
    goalId: m.goal_id,
    metric: m.metric,
    dueAt: m.due_at.toISOString(),
    target,
    actual,
    attainmentPct: actual === null ? null : pct(attainmentPercent({ actual, target, direction })),
    status: m.status,
  };
}

/** The month's ranking per accumulating goal metric, best first, ties sharing a rank (1, 1, 3). */
async function rankings(
  db: AppDeps['db'],
  project: SalesProject,
  goals: readonly Goal[],
  points: readonly Point[],
  asOf: Date,
  month: string | undefined,
): Promise<z.infer<typeof Ranking>[]> {
  const zone = calendarOf(project).timeZone;
  const start = month ? DateTime.fromISO(`${month}-01`, { zone }) : DateTime.fromJSDate(asOf, { zone }).startOf('month');
  const from = start.toJSDate();
  const to = start.plus({ months: 1 }).toJSDate();
  const metrics = new Map<string, GoalDirection>();
  for (const goal of goals) {
    if (metricAggregation(goal.metric) !== 'sum') continue;
    const metric = goalKpiMetric({ metric: goal.metric, customMetricName: goal.custom_name ?? undefined });
    if (!metrics.has(metric)) metrics.set(metric, goal.direction);
  }
  if (metrics.size === 0) return [];

  const people = await listProjectPeople(db, project.id);
  const known = new Set(people.map((p) => p.id));
  const reporters = points.filter((p) => metrics.has(p.metric) && p.reportedAt >= from && p.reportedAt < to).map((p) => p.reporterId);
  const strangers = await userNames(db, reporters.filter((id) => !known.has(id)));
  const members: RankingMember[] = [...people.map((p) => ({ id: p.id, name: p.name })), ...[...strangers].map(([id, name]) => ({ id, name }))];
  const reports = points.map((p) => ({ memberId: p.reporterId, metric: p.metric, value: p.value, reportedAt: p.reportedAt }));

  return [...metrics].map(([metric, direction]) => ({
    metric,
    month: start.toFormat('yyyy-MM'),
    from: from.toISOString(),
    to: to.toISOString(),
    direction,
    entries: rankMembers(memberKpiTotals(reports, { metric, from, to, members }), { direction }).map((m) => ({
      rank: m.rank,
      memberId: m.memberId,
      name: m.name,
      total: m.total,
      reportCount: m.reportCount,
    })),
  }));
}

export function dashboardRouter({ db }: AppDeps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/{id}/dashboard',
      tags: ['dashboard'],
      summary: 'Goals (target vs actual, attainment, RAG, plan-vs-actual series), milestones, budget, open risks and the monthly member ranking',
      request: { params: IdParam, query: DashboardQuery },
      responses: { 200: { description: 'The dashboard', content: json(Dashboard) }, ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const query = c.req.valid('query');
      const project = await requireProject(db, id);
      const asOf = query.at ? new Date(query.at) : new Date();
      const [goals, milestones, budget, risks] = await Promise.all([
        listGoals(db, id),
        listMilestones(db, id),
        budgetSummary(db, id),
        listRisks(db, id, { openOnly: true }),
      ]);
      const metrics = [
        ...goals.map((g) => goalKpiMetric({ metric: g.metric, customMetricName: g.custom_name ?? undefined })),
        ...milestones.map((m) => m.metric),
      ];
      const points: Point[] = (await listKpiPoints(db, id, metrics, asOf)).map((p) => ({ ...p, value: Number(p.value) }));
      const goalDirection = new Map(goals.map((g) => [g.id, g.direction]));

      const openRisks = await Promise.all(
        risks.map(async (risk) => ({
          ...riskDto(risk),
          warning: risk.early_warning ? await evaluateEarlyWarning(db, id, risk.early_warning, asOf) : null,
        })),
      );
      return c.json(
        {
          projectId: project.id,
          name: project.name,
          phase: project.phase,
          asOf: asOf.toISOString(),
          goals: goals.map((goal) => goalProgress(goal, milestones, points, asOf)),
          milestones: milestones.map((m) => milestoneProgress(project, m, (m.goal_id && goalDirection.get(m.goal_id)) || 'at_least', points, asOf)),
          budget,
          openRisks,
          ranking: await rankings(db, project, goals, points, asOf, query.month),
        },
        200,
      );
    },
  );
}
