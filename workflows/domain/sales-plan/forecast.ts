import { Dec } from '../decimal';

/** A part of the plan: its share of the target, to be reached between `start` and `end`. */
export interface PlanPeriod {
  start: Date;
  end: Date;
  amount: string | number;
}

export interface Forecast {
  method: 'pace_against_plan';
  /** What the forecast stands on, shown beside it. */
  inputs: {
    asOf: string;
    due: string;
    actualByNow: string;
    plannedByNow: string;
    plannedAtDue: string;
    /** actualByNow ÷ plannedByNow: 1 is on plan, 0.8 is a fifth behind it. */
    pace: string | null;
    /** Each complete period's own pace (its actual ÷ its plan), oldest first. */
    periodPaces: string[];
  };
  /** The value expected at `due`, or null before anything was planned. */
  value: string | null;
  /** From the slowest to the fastest complete period's pace over what is left (the overall pace when there is none yet). */
  low: string | null;
  high: string | null;
  /** value ÷ plannedAtDue in percent, or null. */
  percentOfPlan: number | null;
}

const at = (date: Date) => date.getTime();

/** The plan's cumulative value at `moment`: whole periods before it, and the elapsed share of the one it falls in. */
export function plannedBy(plan: readonly PlanPeriod[], moment: Date): Dec {
  let total = new Dec(0);
  for (const period of plan) {
    const amount = new Dec(period.amount);
    if (at(moment) >= at(period.end)) total = total.plus(amount);
    else if (at(moment) > at(period.start)) total = total.plus(amount.times(at(moment) - at(period.start)).dividedBy(at(period.end) - at(period.start)));
  }
  return total;
}

const fixed = (value: Dec) => value.toDecimalPlaces(2).toFixed();

/**
 * Where a goal, an allocation or a milestone is heading: the actual so far, paced against the
 * plan's own decomposition (a plan weighted toward Q4 is not behind in Q1 for having sold a sixth
 * of the year), carried to the due date. A pure function of its inputs, so the API, the dashboard
 * and the flow test run give the same answer.
 *
 * `periodActuals` holds the actual of each complete period of `plan` so far, in order, for the range.
 */
export function forecast(input: { plan: readonly PlanPeriod[]; actualByNow: string | number; asOf: Date; due: Date; periodActuals?: readonly (string | number)[] }): Forecast {
  const actual = new Dec(input.actualByNow);
  const plannedNow = plannedBy(input.plan, input.asOf);
  const plannedDue = plannedBy(input.plan, input.due);
  const periodPaces = (input.periodActuals ?? []).flatMap((value, index) => {
    const period = input.plan[index];
    if (!period || at(period.end) > at(input.asOf) || new Dec(period.amount).isZero()) return [];
    return [new Dec(value).dividedBy(period.amount)];
  });
  const inputs = {
    asOf: input.asOf.toISOString(),
    due: input.due.toISOString(),
    actualByNow: actual.toFixed(),
    plannedByNow: fixed(plannedNow),
    plannedAtDue: fixed(plannedDue),
    pace: null as string | null,
    periodPaces: periodPaces.map((pace) => pace.toDecimalPlaces(4).toFixed()),
  };
  if (plannedNow.isZero()) return { method: 'pace_against_plan', inputs, value: null, low: null, high: null, percentOfPlan: null };

  const pace = actual.dividedBy(plannedNow);
  inputs.pace = pace.toDecimalPlaces(4).toFixed();
  // Past the due date the value is what was reached; before it, the rest of the plan at a pace.
  const rest = Dec.max(plannedDue.minus(plannedNow), 0);
  const carry = (rate: Dec) => actual.plus(rest.times(rate));
  const paces = periodPaces.length > 0 ? periodPaces : [pace];
  const value = carry(pace);
  return {
    method: 'pace_against_plan',
    inputs,
    value: fixed(value),
    low: fixed(carry(Dec.min(...paces, pace))),
    high: fixed(carry(Dec.max(...paces, pace))),
    percentOfPlan: plannedDue.isZero() ? null : value.dividedBy(plannedDue).times(100).toDecimalPlaces(2).toNumber(),
  };
}

/**
 * Whether a forecast crossed `thresholdPct` since it was last seen: once per crossing and
 * direction, so a trigger raised on "below" is not raised again until it has been above.
 */
export function forecastCrossing(before: number | null, now: number | null, thresholdPct: number): 'fell_below' | 'rose_above' | null {
  if (now === null) return null;
  const wasBelow = before !== null && before < thresholdPct;
  const isBelow = now < thresholdPct;
  if (isBelow && !wasBelow) return 'fell_below';
  if (!isBelow && wasBelow) return 'rose_above';
  return null;
}
