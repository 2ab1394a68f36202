import { z } from 'zod';
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

/** Percentages this close to a threshold count as reaching it; float division is not exact. */
const PERCENT_TOLERANCE = 1e-9;

function checkFinite(values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isFinite(value)) throw new AttainmentError('invalid_value', `${name} must be a finite number, got ${value}`);
  }
}

/** Whether the final target is reached: at least it, or at most it for lower-is-better goals. */
export function isTargetMet(input: { actual: number; target: number; direction: GoalDirection }): boolean {
  const { actual, target, direction } = input;
  checkFinite({ actual, target });
  return direction === 'at_least' ? actual >= target : actual <= target;
}

/**
 * How far `actual` has come from `from` towards `target`, in percent (100 = reached, above 100 =
 * beaten). `from` is 0 for things that accumulate (revenue, new customers) and the baseline for
 * levels (market share 10 % → 15 %). Without `from`, an at-most goal scores 100 % at the cap, 0 % at
 * twice the cap and more than 100 % below it (spent 80 of a 100 budget: 120 %). When there is no
 * room between `from` and `target` in the goal's direction, the answer is 100 if met, else 0.
 */
export function attainmentPercent(input: { actual: number; target: number; direction: GoalDirection; from?: number }): number {
  const { actual, target, direction } = input;
  const from = input.from ?? (direction === 'at_least' ? 0 : 2 * target);
  checkFinite({ actual, target, from });
  const room = target - from;
  if (direction === 'at_least' ? room <= 0 : room >= 0) return isTargetMet(input) ? 100 : 0;
  // Multiply before dividing so whole-number inputs give whole-number percentages (80, not 80.000…01).
  const percent = ((actual - from) * 100) / room;
  // Never -0: Object.is and test equality tell it apart from 0.
  return percent === 0 ? 0 : percent;
}

/**
 * The value expected at `at` if progress from `from` (default 0) to `target` were linear between
 * `start` and `due`; `from` before the start and `target` from the due time on.
 */
export function proRatedTarget(input: { target: number; start: Date; due: Date; at: Date; from?: number }): number {
  const { target, start, due, at } = input;
  const from = input.from ?? 0;
  checkFinite({ target, from });
  const span = due.getTime() - start.getTime();
  if (!(span > 0)) {
    throw new AttainmentError('invalid_period', `the due time (${due.toISOString()}) must be after the start (${start.toISOString()})`);
  }
  const elapsed = Math.min(Math.max(at.getTime() - start.getTime(), 0), span);
  return from + ((target - from) * elapsed) / span;
}

/** Green, amber or red for an attainment percentage (of the pro-rated target). */
export function ragStatus(attainment: number, thresholds: RagThresholds = defaultRagThresholds): RagStatus {
  const parsed = ragThresholdsSchema.safeParse(thresholds);
  if (!parsed.success) throw new AttainmentError('invalid_thresholds', parsed.error.issues[0]?.message ?? 'invalid thresholds');
  checkFinite({ attainment });
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
  actual: number;
  target: number;
  direction: GoalDirection;
  start: Date;
  due: Date;
  at: Date;
  from?: number;
  thresholds?: RagThresholds;
}): ProgressAssessment {
  const { actual, target, direction, start, due, at, from, thresholds } = input;
  const expected = proRatedTarget({ target, start, due, at, from });
  const attainment = attainmentPercent({ actual, target: expected, direction, from });
  return {
    expected,
    attainmentPercent: attainment,
    finalAttainmentPercent: attainmentPercent({ actual, target, direction, from }),
    status: ragStatus(attainment, thresholds),
    met: isTargetMet({ actual, target, direction }),
  };
}
