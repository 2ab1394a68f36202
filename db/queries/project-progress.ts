import { assessProgress, attainmentPercent, type RagStatus } from '../../workflows/domain/attainment';
import { sumExact } from '../../workflows/domain/money';
import { round2 } from '../../workflows/domain/round2';
import { metricAggregation, type GoalDirection, type GoalMetric } from '../../workflows/domain/smart-goal';
import type { Db } from '../connect';
import type { Goal, Milestone, SalesProject } from '../schema';
import type { MilestoneStatus } from '../../workflows/domain';
import { listKpiPoints, type KpiPoint } from './dashboard';
import { goalRowKpiMetric, goalRowLabel, listGoals } from './goals';
import { listMilestones } from './projects';
import { kpiAggregation } from './risks';

/** One point of a goal's plan-vs-actual line, at a milestone's due time. */
export interface PlanVsActualPoint {
  milestoneId: string;
  name: string;
  at: string;
  /** Amounts are exact decimal text; percentages are numbers for display. */
  plannedCumulative: string;
  /** Null for points still in the future. */
  actualCumulative: string | null;
  attainmentPct: number | null;
}

export interface GoalProgress {
  goalId: string;
  label: string;
  metric: GoalMetric;
  kpiMetric: string;
  unit: string;
  direction: GoalDirection;
  baseline: string | null;
  target: string;
  periodStart: string;
  periodEnd: string;
  /** Total reported in the goal period (latest value for rates and scores); null when there is nothing to go on. */
  actual: string | null;
  /** Where the goal should be by now if progress were linear: an estimate for display. */
  expected: number | null;
  /** Of the final target. */
  attainmentPct: number | null;
  /** Of the pro-rated target; the RAG status is based on it. */
  progressPct: number | null;
  status: RagStatus | null;
  met: boolean;
  series: PlanVsActualPoint[];
}

export interface MilestoneProgress {
  milestoneId: string;
  name: string;
  goalId: string | null;
  metric: string;
  dueAt: string;
  target: string;
  /** Reported towards it so far (up to its due time); null for a rate or score nobody reported yet. */
  actual: string | null;
  attainmentPct: number | null;
  status: MilestoneStatus;
}

export interface ProjectProgress {
  goals: GoalProgress[];
  milestones: MilestoneProgress[];
}

/** A KPI report's value stays the exact decimal text it was stored as. */
export type NumericKpiPoint = KpiPoint;

/** What progress is computed from: the project's goals, milestones and their KPI reports, oldest first. */
export interface ProgressInputs {
  goals: Goal[];
  milestones: Milestone[];
  points: NumericKpiPoint[];
}

/**
 * A metric over [from, until]: the exact total, or the latest value for rates and scores (null
 * when none was reported). `points` are oldest first.
 */
function aggregate(points: readonly NumericKpiPoint[], metric: string, how: 'sum' | 'latest', from: Date | null, until: Date): string | null {
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
/** The goal's metric as the domain names it. */

function goalProgress(goal: Goal, milestones: readonly Milestone[], points: readonly NumericKpiPoint[], asOf: Date): GoalProgress {
  const kpiMetric = goalRowKpiMetric(goal);
  const how = metricAggregation(goal.metric);
  const target = goal.target;
  const baseline = goal.baseline;
  // Totals build up from zero; rates and scores move from where they were (the baseline).
  // Attainment is computed from the exact amounts; only the percentage is a number, for display.
  const from = how === 'latest' && baseline !== null ? baseline : undefined;
  const reported = aggregate(points, kpiMetric, how, goal.periodStart, earlier(asOf, lastInstantOf(goal.periodEnd)));
  const actual = reported ?? baseline;
  const assessment =
    actual === null
      ? null
      : assessProgress({ actual, target, direction: goal.direction, start: goal.periodStart, due: goal.periodEnd, at: asOf, from });

  const plannedPeriods: string[] = [];
  // The goal's own plan; members' milestones (their shares of it) are not steps of it.
  const series = milestones
    .filter((m) => m.goalId === goal.id && m.memberId === null)
    .map((m) => {
      // Per-period targets add up to the cumulative plan; cumulative ones already are it.
      plannedPeriods.push(m.targetValue);
      const plannedCumulative = m.targetKind === 'period' ? sumExact(plannedPeriods) : m.targetValue;
      const actualCumulative = m.dueAt <= asOf ? aggregate(points, kpiMetric, how, goal.periodStart, m.dueAt) : null;
      return {
        milestoneId: m.id,
        name: m.name,
        at: m.dueAt.toISOString(),
        plannedCumulative,
        actualCumulative,
        attainmentPct:
          actualCumulative === null ? null : pct(attainmentPercent({ actual: actualCumulative, target: plannedCumulative, direction: goal.direction, from })),
      };
    });

  return {
    goalId: goal.id,
    label: goalRowLabel(goal),
    metric: goal.metric,
    kpiMetric,
    unit: goal.unit,
    direction: goal.direction,
    baseline,
    target,
    periodStart: goal.periodStart.toISOString(),
    periodEnd: goal.periodEnd.toISOString(),
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
  project: Pick<SalesProject, 'periodStart'>,
  m: Milestone,
  direction: GoalDirection,
  points: readonly NumericKpiPoint[],
  asOf: Date,
): MilestoneProgress {
  const from = m.targetKind === 'period' ? m.periodStart : (m.periodStart ?? project.periodStart);
  // A member's own milestone counts only the figures reported as theirs.
  const counted = m.memberId === null ? points : points.filter((p) => p.reporterId === m.memberId);
  const actual = aggregate(counted, m.metric, kpiAggregation(m.metric), from, earlier(asOf, m.dueAt));
  const target = m.targetValue;
  return {
    milestoneId: m.id,
    name: m.name,
    goalId: m.goalId,
    metric: m.metric,
    dueAt: m.dueAt.toISOString(),
    target,
    actual,
    attainmentPct: actual === null ? null : pct(attainmentPercent({ actual, target, direction })),
    status: m.status,
  };
}

/** The project's goals and milestones, and the reports of their metrics up to and including `asOf`. */
export async function loadProgressInputs(db: Db, projectId: string, asOf: Date): Promise<ProgressInputs> {
  const [goals, milestones] = await Promise.all([listGoals(db, projectId), listMilestones(db, projectId)]);
  const metrics = [...goals.map((g) => goalRowKpiMetric(g)), ...milestones.map((m) => m.metric)];
  const points = await listKpiPoints(db, projectId, metrics, asOf);
  return { goals, milestones, points };
}

/**
 * Plan vs actual at `asOf`: per goal the actual, the pro-rated expectation, both attainments, the
 * RAG status and the series per milestone; per milestone its actual and attainment.
 */
export function projectProgress(project: Pick<SalesProject, 'periodStart'>, inputs: ProgressInputs, asOf: Date): ProjectProgress {
  const { goals, milestones, points } = inputs;
  const goalDirection = new Map(goals.map((g) => [g.id, g.direction]));
  return {
    goals: goals.map((goal) => goalProgress(goal, milestones, points, asOf)),
    milestones: milestones.map((m) => milestoneProgress(project, m, (m.goalId && goalDirection.get(m.goalId)) || 'at_least', points, asOf)),
  };
}

export async function loadProjectProgress(db: Db, project: Pick<SalesProject, 'id' | 'periodStart'>, asOf: Date): Promise<ProjectProgress> {
  return projectProgress(project, await loadProgressInputs(db, project.id, asOf), asOf);
}
