import { DateTime } from 'luxon';
import { z } from 'zod';
import { DomainError } from './errors';
import { instantSchema } from './instant';
import { MAX_SCALE, MoneyError, apportionToQuotas, fromMinorUnits, toMinorUnits, weightsToRatios } from './money';
import { divideRatios, multiplyRatios, ratio, sumRatios, type Ratio } from './ratio';
import { DEFAULT_TIME_ZONE, timeZoneSchema } from './time-zone';

export const targetGranularities = ['quarter', 'month'] as const;
export type TargetGranularity = (typeof targetGranularities)[number];

export const targetLevels = ['total', 'year', 'quarter', 'month'] as const;
export type TargetLevel = (typeof targetLevels)[number];

/** A century of months: enough for any plan, small enough that a preview never explodes. */
export const MAX_DECOMPOSITION_MONTHS = 1200;

/**
 * `total` is in major units (5000000, or "1234.56" with scale 2); `scale` is how many decimal places
 * the split keeps. The period is half-open: `periodEnd` is the first moment after it (the year 2027
 * in Shanghai is 2027-01-01T00:00+08:00 → 2028-01-01T00:00+08:00). `weights` has one entry per part
 * at `granularity`; without weights every full month weighs the same and a partial month its share.
 */
export const decomposeTargetInputSchema = z.strictObject({
  total: z.union([z.number(), z.string()], { error: 'expected a number or a decimal string' }),
  periodStart: instantSchema({ missing: 'the period has no start' }),
  periodEnd: instantSchema({ missing: 'the period has no end' }),
  granularity: z.enum(targetGranularities, { error: "expected 'quarter' or 'month'" }),
  weights: z.array(z.number({ error: 'every weight must be a finite number' })).optional(),
  scale: z
    .int({ error: `expected a whole number of decimal places from 0 to ${MAX_SCALE}` })
    .min(0, { error: 'cannot be negative' })
    .max(MAX_SCALE, { error: `at most ${MAX_SCALE} decimal places` })
    .default(0),
  timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
});
export type DecomposeTargetInput = z.input<typeof decomposeTargetInputSchema>;

export type DecompositionErrorCode =
  | 'invalid_input'
  | 'invalid_total'
  | 'invalid_period'
  | 'invalid_granularity'
  | 'invalid_weights'
  | 'invalid_scale'
  | 'invalid_time_zone'
  | 'too_many_parts';
export class DecompositionError extends DomainError<DecompositionErrorCode> {}

export interface TargetPart {
  /** '2027' for a year, '2027-Q1' for a quarter, '2027-03' for a month, 'total' for the whole period. */
  label: string;
  start: Date;
  /** Exclusive: the first moment after the part, i.e. when its cumulative target is checked. */
  end: Date;
  /** Major units as exact decimal text (no trailing zeros), for display and storage; do arithmetic on the *Minor fields. */
  amount: string;
  /** Sum of this part and all earlier parts of the same level: the milestone target at `end`. */
  cumulative: string;
  /** Exact integer: amount × 10^scale (a bigint: at scale 8 a target of 90 million is beyond 2^53). */
  amountMinor: bigint;
  cumulativeMinor: bigint;
}

export interface TargetNode extends TargetPart {
  level: TargetLevel;
  /** Years under the total, quarters under a year, months under a quarter; months have none. */
  children: TargetNode[];
}

const fieldErrorCodes: Record<string, DecompositionErrorCode> = {
  total: 'invalid_total',
  periodStart: 'invalid_period',
  periodEnd: 'invalid_period',
  granularity: 'invalid_granularity',
  weights: 'invalid_weights',
  scale: 'invalid_scale',
  timeZone: 'invalid_time_zone',
};

interface Slice {
  level: TargetLevel;
  label: string;
  start: number;
  end: number;
  weight: Ratio;
  children: Slice[];
}

function parseInput(input: DecomposeTargetInput) {
  const parsed = decomposeTargetInputSchema.safeParse(input);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const field = typeof issue?.path[0] === 'string' ? issue.path[0] : '';
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new DecompositionError(fieldErrorCodes[field] ?? 'invalid_input', `${where}${issue?.message ?? 'invalid input'}`);
  }
  return parsed.data;
}

function monthSlices(start: DateTime, end: DateTime): { month: Slice; quarter: string }[] {
  const months: { month: Slice; quarter: string }[] = [];
  let bucket = start.startOf('month');
  while (bucket.toMillis() < end.toMillis()) {
    if (months.length === MAX_DECOMPOSITION_MONTHS) {
      throw new DecompositionError(
        'too_many_parts',
        `the period spans more than ${MAX_DECOMPOSITION_MONTHS} months; decompose a shorter period`,
      );
    }
    const next = bucket.plus({ months: 1 }).startOf('month');
    const sliceStart = Math.max(bucket.toMillis(), start.toMillis());
    const sliceEnd = Math.min(next.toMillis(), end.toMillis());
    months.push({
      // A partial month weighs its share of the month, so a plan starting mid-February does not
      // expect a full month's sales from half a month.
      month: {
        level: 'month',
        label: bucket.toFormat('yyyy-MM'),
        start: sliceStart,
        end: sliceEnd,
        weight: ratio(BigInt(sliceEnd - sliceStart), BigInt(next.toMillis() - bucket.toMillis())),
        children: [],
      },
      quarter: `${bucket.year}-Q${bucket.quarter}`,
    });
    bucket = next;
  }
  return months;
}

function group(children: Slice[], parentLabels: string[], level: TargetLevel): Slice[] {
  const parents: Slice[] = [];
  children.forEach((child, index) => {
    const label = parentLabels[index] ?? '';
    const last = parents.at(-1);
    if (last?.label === label) {
      last.children.push(child);
      last.end = child.end;
    } else {
      parents.push({ level, label, start: child.start, end: child.end, weight: child.weight, children: [child] });
    }
  });
  for (const parent of parents) parent.weight = sumRatios(parent.children.map((child) => child.weight));
  return parents;
}

function applyUserWeights(weights: readonly number[], parts: Slice[], granularity: TargetGranularity): void {
  if (weights.length !== parts.length) {
    const expected = `${parts.length} weight${parts.length === 1 ? '' : 's'}, one per ${granularity}`;
    const range = `from ${parts[0]?.label ?? ''} to ${parts.at(-1)?.label ?? ''}`;
    throw new DecompositionError('invalid_weights', `expected ${expected} ${range}, got ${weights.length}`);
  }
  let exact: Ratio[];
  try {
    exact = weightsToRatios(weights);
  } catch (error) {
    if (error instanceof MoneyError) throw new DecompositionError('invalid_weights', error.message);
    throw error;
  }
  parts.forEach((part, index) => {
    const weight = exact[index] ?? ratio(0n);
    // Months inside a weighted quarter share its weight in proportion to their own length.
    for (const month of part.children) month.weight = multiplyRatios(weight, divideRatios(month.weight, part.weight));
    part.weight = weight;
  });
}

function plan(input: DecomposeTargetInput): { root: Slice; totalMinor: bigint; scale: number } {
  const { total, periodStart, periodEnd, granularity, weights, scale, timeZone } = parseInput(input);
  const start = DateTime.fromJSDate(periodStart, { zone: timeZone });
  const end = DateTime.fromJSDate(periodEnd, { zone: timeZone });
  if (end.toMillis() <= start.toMillis()) {
    throw new DecompositionError(
      'invalid_period',
      end.toMillis() === start.toMillis()
        ? `the period is empty: it starts and ends at ${periodStart.toISOString()}`
        : `the period ends (${periodEnd.toISOString()}) before it starts (${periodStart.toISOString()})`,
    );
  }
  let totalMinor: bigint;
  try {
    totalMinor = toMinorUnits(total, scale);
  } catch (error) {
    if (error instanceof MoneyError) throw new DecompositionError('invalid_total', `total: ${error.message}`);
    throw error;
  }

  const months = monthSlices(start, end);
  const quarters = group(
    months.map(({ month }) => month),
    months.map(({ quarter }) => quarter),
    'quarter',
  );
  if (weights !== undefined) {
    applyUserWeights(weights, granularity === 'month' ? months.map(({ month }) => month) : quarters, granularity);
    if (granularity === 'month') {
      for (const quarter of quarters) quarter.weight = sumRatios(quarter.children.map((month) => month.weight));
    }
  }
  const years = group(
    quarters,
    quarters.map((quarter) => quarter.label.slice(0, -3)),
    'year',
  );
  const root: Slice = {
    level: 'total',
    label: 'total',
    start: start.toMillis(),
    end: end.toMillis(),
    weight: sumRatios(years.map((year) => year.weight)),
    children: years,
  };
  return { root, totalMinor, scale };
}

/**
 * Year → quarters → months, each level summing exactly to its parent. Every node gets its exact
 * share of the total rounded down or up (largest remainder, applied level by level), so 5,000,000
 * over 2027 is 1,250,000 per quarter and 416,667 / 416,667 / 416,666 per month inside each quarter.
 */
export function decomposeTargetTree(input: DecomposeTargetInput): TargetNode {
  const { root, totalMinor, scale } = plan(input);
  const running = new Map<TargetLevel, bigint>();

  const build = (slice: Slice, amount: bigint): TargetNode => {
    const cumulative = (running.get(slice.level) ?? 0n) + amount;
    running.set(slice.level, cumulative);
    const quotas = slice.children.map((child) =>
      multiplyRatios(ratio(totalMinor), divideRatios(child.weight, root.weight)),
    );
    const amounts = quotas.length > 0 ? apportionToQuotas(amount, quotas) : [];
    const amountMinor = amount;
    const cumulativeMinor = cumulative;
    return {
      level: slice.level,
      label: slice.label,
      start: new Date(slice.start),
      end: new Date(slice.end),
      amount: fromMinorUnits(amountMinor, scale),
      cumulative: fromMinorUnits(cumulativeMinor, scale),
      amountMinor,
      cumulativeMinor,
      children: slice.children.map((child, index) => build(child, amounts[index] ?? 0n)),
    };
  };
  return build(root, totalMinor);
}

/**
 * The parts at the requested granularity, in order, with cumulative targets at each part's end —
 * what milestones get. Same numbers as the matching level of `decomposeTargetTree`.
 */
export function decomposeTarget(input: DecomposeTargetInput): TargetPart[] {
  const tree = decomposeTargetTree(input);
  const level: TargetLevel = input.granularity === 'month' ? 'month' : 'quarter';
  const parts: TargetPart[] = [];
  const visit = (node: TargetNode): void => {
    if (node.level === level) {
      const { label, start, end, amount, cumulative, amountMinor, cumulativeMinor } = node;
      parts.push({ label, start, end, amount, cumulative, amountMinor, cumulativeMinor });
    } else node.children.forEach(visit);
  };
  visit(tree);
  return parts;
}
