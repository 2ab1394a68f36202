import { Dec } from '../decimal';
import type { PlanPeriod } from './forecast';

/** A point of the plan: the cumulative target due at `at` (a milestone of the decomposition). */
export interface PlanCheckpoint {
  at: Date;
  cumulative: string | number;
}

const at = (date: Date) => date.getTime();

/**
 * The plan a forecast paces against, as periods between its checkpoints: each period holds what
 * its checkpoint adds to the one before, so a decomposition weighted toward Q4 gives a Q4 period
 * three times the others. What the checkpoints leave of `total` is spread over the rest of the
 * period; without checkpoints the whole target is one even period from `start` to `end`.
 */
export function planFromCheckpoints(input: { start: Date; end: Date; total: string | number; checkpoints: readonly PlanCheckpoint[] }): PlanPeriod[] {
  const points = [...input.checkpoints].filter((c) => at(c.at) > at(input.start)).sort((a, b) => at(a.at) - at(b.at));
  const periods: PlanPeriod[] = [];
  let from = input.start;
  let reached = new Dec(0);
  for (const point of points) {
    if (at(point.at) <= at(from)) continue;
    const cumulative = new Dec(point.cumulative);
    periods.push({ start: from, end: point.at, amount: Dec.max(cumulative.minus(reached), 0).toFixed() });
    reached = Dec.max(reached, cumulative);
    from = point.at;
  }
  const rest = new Dec(input.total).minus(reached);
  if (at(input.end) > at(from) && (rest.gt(0) || periods.length === 0)) periods.push({ start: from, end: input.end, amount: Dec.max(rest, 0).toFixed() });
  return periods;
}

/**
 * The part of a plan between `from` and `until`, a period cut by either keeping its share of the
 * time (a milestone that counts only its own month paces against that month of the goal's plan).
 */
export function planWithin(plan: readonly PlanPeriod[], from: Date, until: Date): PlanPeriod[] {
  return plan.flatMap((period) => {
    const start = Math.max(at(period.start), at(from));
    const end = Math.min(at(period.end), at(until));
    if (end <= start) return [];
    const whole = at(period.end) - at(period.start);
    const amount = end - start === whole ? new Dec(period.amount) : new Dec(period.amount).times(end - start).dividedBy(whole);
    return [{ start: new Date(start), end: new Date(end), amount: amount.toFixed() }];
  });
}

/**
 * What was reached in each period of `plan` already over by `asOf`, oldest first (the forecast's
 * range reads their paces). A point counts in the period holding its instant; periods are half-open.
 */
export function periodActuals(plan: readonly PlanPeriod[], points: readonly { at: Date; value: string | number }[], asOf: Date): string[] {
  return plan
    .filter((period) => at(period.end) <= at(asOf))
    .map((period) =>
      points
        .filter((p) => at(p.at) >= at(period.start) && at(p.at) < at(period.end))
        .reduce((sum, p) => sum.plus(p.value), new Dec(0))
        .toFixed(),
    );
}
