import { z } from '@hono/zod-openapi';
import { lifecyclePhases } from '../../workflows/sales-project-messages';
import { goalDirections, goalMetrics, ragStatuses } from '../../workflows/domain';
import { milestoneStatuses } from '../../workflows/domain';
import { Budget } from './budget';
import { Timestamp } from './common';
import { ScorecardRanking } from './scorecard';
import { Risk } from './risks';

export const DashboardQuery = z.strictObject({
  at: Timestamp.optional().openapi({ description: 'Figures as of this moment (default now)' }),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month such as 2027-03' })
    .optional()
    .openapi({ description: "Month of the member ranking, in the project calendar's zone (default the month of `at`)" }),
});

export const SeriesPoint = z
  .object({
    milestoneId: z.string(),
    name: z.string(),
    /** The period end (milestone due time) the point is checked at. */
    at: z.string(),
    /** Exact decimal text. */
    plannedCumulative: z.string(),
    /** Null for points still in the future. */
    actualCumulative: z.string().nullable(),
    attainmentPct: z.number().nullable(),
  })
  .openapi('PlanVsActualPoint');

export const GoalProgress = z
  .object({
    goalId: z.string(),
    label: z.string(),
    metric: z.enum(goalMetrics),
    kpiMetric: z.string(),
    unit: z.string(),
    direction: z.enum(goalDirections),
    /** Amounts are exact decimal text; percentages and the linear estimate `expected` are numbers for display. */
    baseline: z.string().nullable(),
    target: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    /** Total reported in the goal period (latest value for rates and scores); null when there is nothing to go on. */
    actual: z.string().nullable(),
    /** Where the goal should be by now if progress were linear. */
    expected: z.number().nullable(),
    /** Of the final target. */
    attainmentPct: z.number().nullable(),
    /** Of the pro-rated target; the RAG status is based on it. */
    progressPct: z.number().nullable(),
    status: z.enum(ragStatuses).nullable(),
    met: z.boolean(),
    series: z.array(SeriesPoint),
  })
  .openapi('GoalProgress');

export const MilestoneProgress = z
  .object({
    milestoneId: z.string(),
    name: z.string(),
    goalId: z.string().nullable(),
    metric: z.string(),
    dueAt: z.string(),
    /** Exact decimal text. */
    target: z.string(),
    /** Reported towards it so far (up to its due time); null for a rate or score nobody reported yet. */
    actual: z.string().nullable(),
    attainmentPct: z.number().nullable(),
    status: z.enum(milestoneStatuses),
  })
  .openapi('MilestoneProgress');

export const WatchedRisk = Risk.extend({
  warning: z.object({ value: z.string().nullable().openapi({ description: 'The watched KPI as exact decimal text; null when nothing is reported' }), triggered: z.boolean() }).nullable(),
}).openapi('WatchedRisk');

export const Ranking = z
  .object({
    metric: z.string(),
    month: z.string(),
    from: z.string(),
    to: z.string(),
    direction: z.enum(goalDirections),
    entries: z.array(
      z.object({ rank: z.number(), memberId: z.string(), name: z.string(), total: z.string().openapi({ description: 'Exact decimal text' }), reportCount: z.number() }),
    ),
  })
  .openapi('MemberRanking');

export const Dashboard = z
  .object({
    projectId: z.string(),
    name: z.string(),
    phase: z.enum(lifecyclePhases),
    asOf: z.string(),
    goals: z.array(GoalProgress),
    milestones: z.array(MilestoneProgress),
    budget: Budget,
    openRisks: z.array(WatchedRisk),
    ranking: z.array(Ranking),
    /** The month's ranking by the balanced scorecard; null when the project has none (then `ranking` is the one to read). */
    scorecardRanking: ScorecardRanking.nullable(),
  })
  .openapi('Dashboard');

export type Dashboard = z.infer<typeof Dashboard>;
export type GoalProgress = z.infer<typeof GoalProgress>;
export type MilestoneProgress = z.infer<typeof MilestoneProgress>;
export type WatchedRisk = z.infer<typeof WatchedRisk>;
