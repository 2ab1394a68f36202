import { decomposeTargetTree, type TargetGranularity, type TargetNode } from '../decompose-target';
import { fromMinorUnits } from '../money';
import { allocateOverPeriods, allocateTarget, type Allocation, type Share } from './allocation';

/** How a goal's target is split among holders and over time: the goal's own figures plus the plan. */
export interface QuotaGridInput {
  total: string | number;
  periodStart: Date;
  periodEnd: Date;
  granularity: TargetGranularity;
  /** One per quarter or month at `granularity`; null = even (a partial month by its share). */
  periodWeights: readonly number[] | null;
  scale: number;
  timeZone: string;
  shares: readonly Share[];
}

export interface QuotaMonth {
  label: string;
  start: Date;
  end: Date;
  /** The quarter the month belongs to ('2027-Q1'). */
  quarter: string;
  amountMinor: bigint;
}

export interface QuotaRow {
  /** The share's holderId; null for the unallocated rest. */
  holderId: string | null;
  totalMinor: bigint;
  /** One per month, in order; they sum to `totalMinor`. */
  monthsMinor: bigint[];
}

export interface QuotaGrid {
  allocation: Allocation;
  months: QuotaMonth[];
  rows: QuotaRow[];
  scale: number;
}

const monthsOf = (node: TargetNode, quarter = ''): QuotaMonth[] =>
  node.level === 'month'
    ? [{ label: node.label, start: node.start, end: node.end, quarter, amountMinor: node.amountMinor }]
    : node.children.flatMap((child) => monthsOf(child, node.level === 'quarter' ? node.label : quarter));

/**
 * Every holder × month cell of a goal: the target decomposed by the project's rules (year →
 * quarter → month, even or weighted, exact to the unit of `scale`), then each month split among
 * the holders so that rows sum to each holder's part and columns to the project's month.
 * Throws AllocationError or DecompositionError naming the faulty input.
 */
export function quotaGrid(input: QuotaGridInput): QuotaGrid {
  const allocation = allocateTarget({ total: input.total, scale: input.scale, shares: input.shares });
  const tree = decomposeTargetTree({
    total: input.total,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    granularity: input.granularity,
    ...(input.periodWeights ? { weights: [...input.periodWeights] } : {}),
    scale: input.scale,
    timeZone: input.timeZone,
  });
  const months = monthsOf(tree);
  const rows = allocateOverPeriods(
    allocation,
    months.map((month) => month.amountMinor),
  ).map((row) => ({ holderId: row.holderId, totalMinor: row.amountsMinor.reduce((sum, cell) => sum + cell, 0n), monthsMinor: row.amountsMinor }));
  return { allocation, months, rows, scale: input.scale };
}

/** A row's cumulative target at the end of each quarter or month: what its milestones check. */
export function cumulativeByPeriod(grid: QuotaGrid, row: QuotaRow, granularity: TargetGranularity): { label: string; end: Date; cumulative: string }[] {
  const periods: { label: string; end: Date; cumulative: string }[] = [];
  let running = 0n;
  grid.months.forEach((month, index) => {
    running += row.monthsMinor[index] ?? 0n;
    const label = granularity === 'month' ? month.label : month.quarter;
    const entry = { label, end: month.end, cumulative: fromMinorUnits(running, grid.scale) };
    if (periods.at(-1)?.label === label) periods[periods.length - 1] = entry;
    else periods.push(entry);
  });
  return periods;
}
