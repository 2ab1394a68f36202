import { Dec } from '../../workflows/domain/decimal';
import { round2 } from '../../workflows/domain/round2';
import { defaultFunnelStageKeys, deriveFunnel, stageVolumeByHolder, type StageVolume } from '../../workflows/domain/sales-plan/funnel';
import { toMinorUnits } from '../../workflows/domain/money';
import { plannedBy } from '../../workflows/domain/sales-plan/forecast';
import { splitLikeTarget, targetMonths, type TargetMonthsSource } from '../../workflows/domain/sales-plan/target-months';
import type { Db } from '../connect';
import type { FunnelStageRow, Goal, Milestone, ProjectFunnel, SalesProject } from '../schema';
import { listKpiPoints, userNames, type KpiPoint } from './dashboard';
import { listMemberQuotas, type MemberQuota } from './goal-allocations';
import { findFunnel } from './funnel';
import { goalRowLabel, listGoals } from './goals';
import { listGoalMilestones } from './plan';

/**
 * The practice's funnel until a project sets its own: of qualified leads a quarter become
 * contracts (the 25 % win rate of "100 contracts from 400 qualified opportunities"), half of the
 * leads reach a demo or proposal, half of those sign; a quarter of prospects qualify.
 */
export const defaultFunnelStages: readonly FunnelStageRow[] = defaultFunnelStageKeys.map((key, index) => ({
  key,
  name: null,
  conversionRate: ['0.25', '0.5', '0.5'][index] ?? null,
}));

export interface FunnelMonth {
  label: string;
  start: string;
  end: string;
}

export interface FunnelStageProgress {
  key: string;
  name: string | null;
  conversionRate: string | null;
  /** What the stage needs over the goal's period, and per month (summing to it). */
  planTotal: number;
  planPerMonth: number[];
  /** Counts reported per month (exact decimal text) and in all, up to now. */
  actualPerMonth: string[];
  actualToDate: string;
  /** The plan up to now: whole months before it and the elapsed share of this one (2 decimals). */
  plannedToDate: string;
  /** actualToDate ÷ plannedToDate in %, null before anything was planned. */
  attainmentPct: number | null;
  behind: boolean;
  /** The next stage's count ÷ this one's so far; null for the last stage or while this one has none. */
  actualConversionRate: string | null;
  /** The actual conversion is below the planned rate: where the funnel leaks. */
  conversionShort: boolean;
}

/** A member's (or team's) part of each stage, by their quota of the revenue goal. */
export interface FunnelHolder {
  userId: string | null;
  teamId: string | null;
  name: string | null;
  stages: {
    key: string;
    planTotal: number;
    planPerMonth: number[];
    plannedToDate: string;
    /** What the member reported of the stage so far; null for a team. */
    actualToDate: string | null;
    attainmentPct: number | null;
  }[];
}

export type FunnelProblem = 'no_funnel' | 'no_revenue_goal';

export interface FunnelProgress {
  configured: boolean;
  averageDeal: string | null;
  stages: FunnelStageRow[];
  goal: { goalId: string; label: string; target: string; periodStart: string; periodEnd: string } | null;
  /** How the target's months were split: as the goal's decomposition (by month or quarter), or evenly. */
  decomposition: TargetMonthsSource | null;
  months: FunnelMonth[];
  /** Why there is no plan: no funnel set yet, or no revenue goal to derive it from. */
  problem: FunnelProblem | null;
  progress: FunnelStageProgress[];
  /** Each holder of a quota of the revenue goal; empty while nobody holds one. */
  holders: FunnelHolder[];
  asOf: string;
}

/** What the funnel's plan and actuals are computed from. */
export interface FunnelInputs {
  funnel: ProjectFunnel | undefined;
  goal: Goal | undefined;
  checkpoints: Milestone[];
  points: KpiPoint[];
  timeZone: string;
  /** The members' and teams' quotas of the revenue goal, with their names. */
  quotas: (MemberQuota & { name: string | null })[];
}

/** The goal the funnel brings in: the project's first at-least revenue goal. */
export const revenueGoalOf = (goals: readonly Goal[]): Goal | undefined => goals.find((goal) => goal.metric === 'revenue' && goal.direction === 'at_least');

export async function loadFunnelInputs(db: Db, projectId: string, timeZone: string, asOf: Date): Promise<FunnelInputs> {
  const [funnel, goals] = await Promise.all([findFunnel(db, projectId), listGoals(db, projectId)]);
  const goal = revenueGoalOf(goals);
  const checkpoints = goal ? (await listGoalMilestones(db, goal.id, { projectOnly: true })).filter((m) => m.targetKind === 'cumulative') : [];
  const points = funnel ? await listKpiPoints(db, projectId, funnel.stages.map((stage) => stage.key), asOf) : [];
  const quotas = goal ? (await listMemberQuotas(db, projectId)).filter((quota) => quota.goalId === goal.id) : [];
  const names = await userNames(db, quotas.flatMap((quota) => (quota.userId ? [quota.userId] : [])));
  return { funnel, goal, checkpoints, points, timeZone, quotas: quotas.map((quota) => ({ ...quota, name: quota.userId ? (names.get(quota.userId) ?? null) : null })) };
}

const fixed2 = (value: Dec) => value.toDecimalPlaces(2).toFixed();

/** The volume each stage needs (`deriveFunnel`) over the goal's months; throws `FunnelError` for a funnel it cannot derive. */
export function funnelPlan(funnel: Pick<ProjectFunnel, 'averageDeal' | 'stages'>, goal: Goal, checkpoints: readonly Milestone[], timeZone: string) {
  const { tree, months, source, scale } = targetMonths({
    target: goal.target,
    periodStart: goal.periodStart,
    periodEnd: goal.periodEnd,
    timeZone,
    checkpoints: checkpoints.map((m) => ({ at: m.dueAt, cumulative: m.targetValue })),
  });
  // deriveFunnel gives each stage's total; the months follow the target's own tree, level by level.
  const volumes: StageVolume[] = deriveFunnel({
    target: goal.target,
    averageDeal: funnel.averageDeal,
    stages: funnel.stages.map((stage) => (stage.conversionRate === null ? { key: stage.key } : { key: stage.key, conversionRate: stage.conversionRate })),
    periodAmountsMinor: [tree.amountMinor],
    // Fine enough for the target's figures and the average deal's (the API takes up to 8 places).
    scale: Math.min(8, Math.max(scale, 2, (funnel.averageDeal.split('.')[1] ?? '').length)),
  }).map((stage) => ({ ...stage, perPeriod: splitLikeTarget(BigInt(stage.total), tree).map(Number) }));
  return { months, source, volumes };
}

const plannedToDate = (months: readonly { start: Date; end: Date }[], perMonth: readonly number[], asOf: Date) =>
  plannedBy(
    months.map((month, m) => ({ start: month.start, end: month.end, amount: perMonth[m] ?? 0 })),
    asOf,
  );

/**
 * Each stage split among the holders of the revenue goal's quotas by their share of the target,
 * each holder's part over their own quota months (`stageVolumeByHolder`: rows sum to each holder's
 * volume); the unallocated rest holds its share too, so nobody is asked for more than their part.
 */
function holdersOf(inputs: FunnelInputs, volumes: readonly StageVolume[], months: readonly { start: Date; end: Date }[], points: readonly KpiPoint[], asOf: Date): FunnelHolder[] {
  const { quotas, goal } = inputs;
  if (quotas.length === 0 || !goal) return [];
  const scale = Math.max(2, ...[goal.target, ...quotas.map((quota) => quota.quota)].map((value) => (value.split('.')[1] ?? '').length));
  const monthScale = Math.max(scale, ...quotas.flatMap((quota) => quota.months.map((month) => (month.amount.split('.')[1] ?? '').length)));
  // Each holder's months of their quota pace their part of every stage (when they are the funnel's months).
  const parts = quotas.map((quota, index) => ({
    holderId: String(index),
    amountMinor: toMinorUnits(quota.quota, scale),
    ...(quota.months.length === months.length ? { monthsMinor: quota.months.map((month) => toMinorUnits(month.amount, monthScale)) } : {}),
  }));
  const rest = toMinorUnits(goal.target, scale) - parts.reduce((sum, part) => sum + part.amountMinor, 0n);
  const holderParts = rest > 0n ? [...parts, { holderId: null, amountMinor: rest }] : parts;
  const byStage = volumes.map((volume) => stageVolumeByHolder(volume, holderParts));
  return quotas.map((quota, index) => ({
    userId: quota.userId,
    teamId: quota.teamId,
    name: quota.name,
    stages: volumes.map((volume, s) => {
      const row = byStage[s]![index]!;
      const planned = plannedToDate(months, row.perPeriod, asOf);
      const actual = quota.userId === null ? null : points.filter((p) => p.metric === volume.key && p.reporterId === quota.userId).reduce((sum, p) => sum.plus(p.value), new Dec(0));
      return {
        key: volume.key,
        planTotal: row.total,
        planPerMonth: row.perPeriod,
        plannedToDate: fixed2(planned),
        actualToDate: actual === null ? null : actual.toFixed(),
        attainmentPct: actual !== null && planned.gt(0) ? round2(actual.dividedBy(planned).times(100).toNumber()) : null,
      };
    }),
  }));
}

/**
 * The funnel at `asOf`: per stage the volume the revenue goal needs, per month, against the counts
 * reported; how far each stage is behind its plan so far, and where conversion falls short of the
 * planned rate. A pure function of its inputs.
 */
export function funnelProgress(inputs: FunnelInputs, asOf: Date): FunnelProgress {
  const { funnel, goal } = inputs;
  const stages = funnel?.stages ?? [...defaultFunnelStages];
  const base = {
    configured: funnel !== undefined,
    averageDeal: funnel?.averageDeal ?? null,
    stages,
    goal: goal
      ? { goalId: goal.id, label: goalRowLabel(goal), target: goal.target, periodStart: goal.periodStart.toISOString(), periodEnd: goal.periodEnd.toISOString() }
      : null,
    asOf: asOf.toISOString(),
  };
  if (!funnel || !goal) return { ...base, decomposition: null, months: [], problem: funnel ? 'no_revenue_goal' : 'no_funnel', progress: [], holders: [] };

  const { months, source, volumes } = funnelPlan(funnel, goal, inputs.checkpoints, inputs.timeZone);
  const until = new Date(Math.min(asOf.getTime(), goal.periodEnd.getTime() - 1));
  const inPeriod = inputs.points.filter((p) => p.reportedAt >= goal.periodStart && p.reportedAt <= until);
  const actualTotals = stages.map((stage) => inPeriod.filter((p) => p.metric === stage.key).reduce((sum, p) => sum.plus(p.value), new Dec(0)));
  const progress = stages.map((stage, index): FunnelStageProgress => {
    const volume = volumes[index]!;
    const actualPerMonth = months.map((month) =>
      inPeriod
        .filter((p) => p.metric === stage.key && p.reportedAt >= month.start && p.reportedAt < month.end)
        .reduce((sum, p) => sum.plus(p.value), new Dec(0))
        .toFixed(),
    );
    const actual = actualTotals[index]!;
    const planned = plannedToDate(months, volume.perPeriod, asOf);
    const attainmentPct = planned.gt(0) ? round2(actual.dividedBy(planned).times(100).toNumber()) : null;
    const next = actualTotals[index + 1];
    const actualConversion = next !== undefined && actual.gt(0) ? next.dividedBy(actual) : null;
    return {
      key: stage.key,
      name: stage.name,
      conversionRate: stage.conversionRate,
      planTotal: volume.total,
      planPerMonth: volume.perPeriod,
      actualPerMonth,
      actualToDate: actual.toFixed(),
      plannedToDate: fixed2(planned),
      attainmentPct,
      behind: attainmentPct !== null && attainmentPct < 100,
      actualConversionRate: actualConversion === null ? null : actualConversion.toDecimalPlaces(4).toFixed(),
      conversionShort: actualConversion !== null && stage.conversionRate !== null && actualConversion.lt(stage.conversionRate),
    };
  });
  return {
    ...base,
    holders: holdersOf(inputs, volumes, months, inPeriod, asOf),
    decomposition: source,
    months: months.map((month) => ({ label: month.label, start: month.start.toISOString(), end: month.end.toISOString() })),
    problem: null,
    progress,
  };
}

export async function loadFunnelProgress(db: Db, project: Pick<SalesProject, 'id'>, timeZone: string, asOf: Date): Promise<FunnelProgress> {
  return funnelProgress(await loadFunnelInputs(db, project.id, timeZone, asOf), asOf);
}
