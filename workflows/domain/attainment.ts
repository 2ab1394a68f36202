import { z } from 'zod';
import { Dec } from './decimal';
import { DomainError } from './errors';
import type { GoalDirection } from './smart-goal';

export type AttainmentErrorCode = 'invalid_period' | 'invalid_thresholds' | 'invalid_value';
export class AttainmentError extends DomainError<AttainmentErrorCode> {}

export const ragStatuses = ['green', 'amber', 'red'] as const;
export type RagStatus = (typeof ragStatuses)[number];

/**
 * Percentages of the pro-rated target: at or above `green` is on track, at or above `warning` is
 * amber, below it red (and a milestone's at-risk warning).
 */
export const ragThresholdsSchema = z
  .strictObject({
    green: z.number().positive({ error: 'the green threshold must be above 0 %' }).default(100),
    warning: z.number().nonnegative({ error: 'the warning threshold cannot be negative' }).default(80),
  })
  .refine((thresholds) => thresholds.warning <= thresholds.green, {
    error: 'the warning threshold must not be above the green threshold',
    path: ['warning'],
  });
export type RagThresholds = z.output<typeof ragThresholdsSchema>;
export const defaultRagThresholds: RagThresholds = { green: 100, warning: 80 };

/** Percentages this close to a threshold count as reaching it (the percentage is a rounded number). */
export const PERCENT_TOLERANCE = 1e-9;

/**
 * A KPI value, target or baseline: exact decimal text as stored (`numeric` columns come back as
 * text), or a JavaScript number. Comparisons and arithmetic run on decimal.js, so a value one unit
 * short of a 17-digit target is short, not rounded up to it; only percentages and the linear
 * estimate come out as numbers, for display.
 */
export type DecimalValue = number | string;

function decimals<K extends string>(values: Record<K, DecimalValue>): Record<K, Dec> {
  const read = {} as Record<K, Dec>;
  for (const [name, value] of Object.entries(values) as [K, DecimalValue][]) {
    let decimal: Dec | undefined;
    try {
      decimal = new Dec(typeof value === 'number' ? String(value) : value.trim());
    } catch {
      decimal = undefined;
    }
    if (decimal === undefined || !decimal.isFinite()) throw new AttainmentError('invalid_value', `${name} must be a finite number, got ${value}`);
    read[name] = decimal;
  }
  return read;
}

/** Whether the final target is reached: at least it, or at most it for lower-is-better goals. */
export function isTargetMet(input: { actual: DecimalValue; target: DecimalValue; direction: GoalDirection }): boolean {
  const { actual, target } = decimals({ actual: input.actual, target: input.target });
  return input.direction === 'at_least' ? actual.gte(target) : actual.lte(target);
}

/**
 * How far `actual` has come from `from` towards `target`, in percent (100 = reached, above 100 =
 * beaten). `from` is 0 for things that accumulate (revenue, new customers) and the baseline for
 * levels (market share 10 % → 15 %). Without `from`, an at-most goal scores 100 % at the cap, 0 % at
 * twice the cap and more than 100 % below it (spent 80 of a 100 budget: 120 %). When there is no
 * room between `from` and `target` in the goal's direction, the answer is 100 if met, else 0.
 */
export function attainmentPercent(input: { actual: DecimalValue; target: DecimalValue; direction: GoalDirection; from?: DecimalValue }): number {
  const { direction } = input;
  const { actual, target } = decimals({ actual: input.actual, target: input.target });
  const from = input.from === undefined ? (direction === 'at_least' ? new Dec(0) : target.times(2)) : decimals({ from: input.from }).from;
  const room = target.minus(from);
  if (direction === 'at_least' ? room.lte(0) : room.gte(0)) return isTargetMet(input) ? 100 : 0;
  const percent = actual.minus(from).times(100).div(room).toNumber();
  // Never -0: Object.is and test equality tell it apart from 0.
  return percent === 0 ? 0 : percent;
}

function proRated(input: { target: DecimalValue; start: Date; due: Date; at: Date; from?: DecimalValue }): Dec {
  const { start, due, at } = input;
  const { target, from } = decimals({ target: input.target, from: input.from ?? 0 });
  const span = due.getTime() - start.getTime();
  if (!(span > 0)) {
    throw new AttainmentError('invalid_period', `the due time (${due.toISOString()}) must be after the start (${start.toISOString()})`);
  }
  const elapsed = Math.min(Math.max(at.getTime() - start.getTime(), 0), span);
  return from.plus(target.minus(from).times(elapsed).div(span));
}

/**
 * The value expected at `at` if progress from `from` (default 0) to `target` were linear between
 * `start` and `due`; `from` before the start and `target` from the due time on. A number, for display.
 */
export function proRatedTarget(input: { target: DecimalValue; start: Date; due: Date; at: Date; from?: DecimalValue }): number {
  return proRated(input).toNumber();
}

/** Green, amber or red for an attainment percentage (of the pro-rated target). */
export function ragStatus(attainment: number, thresholds: RagThresholds = defaultRagThresholds): RagStatus {
  const parsed = ragThresholdsSchema.safeParse(thresholds);
  if (!parsed.success) throw new AttainmentError('invalid_thresholds', parsed.error.issues[0]?.message ?? 'invalid thresholds');
  if (!Number.isFinite(attainment)) throw new AttainmentError('invalid_value', `attainment must be a finite number, got ${attainment}`);
  if (attainment + PERCENT_TOLERANCE >= parsed.data.green) return 'green';
  if (attainment + PERCENT_TOLERANCE >= parsed.data.warning) return 'amber';
  return 'red';
}

export interface ProgressAssessment {
  /** Pro-rated target at `at`. */
  expected: number;
  /** Attainment of the pro-rated target, which the status is based on. */
  attainmentPercent: number;
  /** Attainment of the final target. */
  finalAttainmentPercent: number;
  status: RagStatus;
  /** Whether the final target is already reached. */
  met: boolean;
}

/**
 * Everything a status summary or an at-risk check needs about one goal or milestone at `at`:
 * plan vs actual, both attainments and the RAG status.
 */
export function assessProgress(input: {
  actual: DecimalValue;
  target: DecimalValue;
  direction: GoalDirection;
  start: Date;
  due: Date;
  at: Date;
  from?: DecimalValue;
  thresholds?: RagThresholds;
}): ProgressAssessment {
  const { actual, target, direction, start, due, at, from, thresholds } = input;
  const expected = proRated({ target, start, due, at, from });
  const attainment = attainmentPercent({ actual, target: expected.toFixed(), direction, from });
  return {
    expected: expected.toNumber(),
    attainmentPercent: attainment,
    finalAttainmentPercent: attainmentPercent({ actual, target, direction, from }),
    status: ragStatus(attainment, thresholds),
    met: isTargetMet({ actual, target, direction }),
  };
}
