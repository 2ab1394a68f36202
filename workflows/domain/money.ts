import { Dec } from './decimal';
import { DomainError } from './errors';
import {
  compareRatios,
  divideRatios,
  floorRatio,
  multiplyRatios,
  ratio,
  ratioFromDecimal,
  subtractRatios,
  sumRatios,
  type Ratio,
} from './ratio';

/**
 * Money and targets are split as integers of minor units: an amount with `scale` decimal places is
 * stored as amount × 10^scale (scale 2: 416,666.67 → 41,666,667). Minor units are bigints, so a
 * target of any size is split exactly (at scale 8, 90 million is already beyond 2^53).
 */
export const MAX_SCALE = 8;

export type MoneyErrorCode = 'invalid_amount' | 'invalid_scale' | 'out_of_range' | 'invalid_weights';
export class MoneyError extends DomainError<MoneyErrorCode> {}

function checkScale(scale: number): void {
  if (!Number.isInteger(scale) || scale < 0 || scale > MAX_SCALE) {
    throw new MoneyError('invalid_scale', `scale must be a whole number of decimal places from 0 to ${MAX_SCALE}, got ${scale}`);
  }
}

/**
 * Exact minor units of a decimal amount. Refuses more decimal places than `scale` instead of
 * rounding, because a silently rounded target is a target nobody agreed to.
 */
export function toMinorUnits(amount: number | string, scale = 0): bigint {
  checkScale(scale);
  const exact = ratioFromDecimal(amount);
  if (!exact) throw new MoneyError('invalid_amount', `${JSON.stringify(amount)} is not a decimal number`);
  const minor = multiplyRatios(exact, ratio(10n ** BigInt(scale)));
  if (minor.den !== 1n) {
    throw new MoneyError(
      'invalid_amount',
      `${String(amount)} has more than ${scale} decimal place${scale === 1 ? '' : 's'}`,
    );
  }
  return minor.num;
}

function wholeMinor(minor: bigint | number): bigint {
  if (typeof minor === 'bigint') return minor;
  if (!Number.isSafeInteger(minor)) throw new MoneyError('invalid_amount', `${minor} is not a whole number of minor units`);
  return BigInt(minor);
}

/** The exact decimal text of an amount, e.g. formatMinorUnits(41666667n, 2) === '416666.67'. */
export function formatMinorUnits(minor: bigint | number, scale = 0): string {
  checkScale(scale);
  const whole = wholeMinor(minor);
  const digits = (whole < 0n ? -whole : whole).toString().padStart(scale + 1, '0');
  const sign = whole < 0n ? '-' : '';
  if (scale === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** The amount in major units as exact decimal text (no trailing zeros): fromMinorUnits(41666667n, 2) === '416666.67'. */
export function fromMinorUnits(minor: bigint | number, scale = 0): string {
  return new Dec(formatMinorUnits(minor, scale)).toFixed();
}

/**
 * Rounds exact quotas to integers that sum to `total`, each one its quota rounded down or up: the
 * units left after rounding everyone down go to the largest remainders, earlier parts first on a tie.
 * Requires Σ⌊quota⌋ ≤ total ≤ Σ⌈quota⌉, which holds whenever total is its parent's quota rounded
 * either way — so it can be applied level by level (year → quarters → months) and every level
 * still sums to its parent.
 */
export function apportionToQuotas(total: bigint, quotas: readonly Ratio[]): bigint[] {
  const floors = quotas.map(floorRatio);
  let extra = total - floors.reduce((sum, value) => sum + value, 0n);
  const order = quotas
    .map((quota, index) => ({ index, remainder: subtractRatios(quota, ratio(floors[index] ?? 0n)) }))
    .filter((entry) => entry.remainder.num !== 0n)
    .sort((a, b) => compareRatios(b.remainder, a.remainder) || a.index - b.index);
  if (extra < 0n || extra > BigInt(order.length)) {
    throw new RangeError(`apportionToQuotas: ${total} cannot be reached by rounding the quotas`);
  }
  const result = [...floors];
  for (const { index } of order) {
    if (extra === 0n) break;
    result[index] = (result[index] ?? 0n) + 1n;
    extra -= 1n;
  }
  return result;
}

/** Exact weights for apportionment; refuses negatives, non-numbers and all-zero lists. */
export function weightsToRatios(weights: readonly number[]): Ratio[] {
  if (weights.length === 0) throw new MoneyError('invalid_weights', 'there are no weights');
  const ratios = weights.map((weight, index) => {
    const exact = ratioFromDecimal(weight);
    if (!exact) throw new MoneyError('invalid_weights', `weights[${index}] is ${String(weight)}, not a finite number`);
    if (exact.num < 0n) {
      throw new MoneyError('invalid_weights', `weights[${index}] is ${weight}; weights must be zero or more`);
    }
    return exact;
  });
  if (ratios.every((weight) => weight.num === 0n)) {
    throw new MoneyError('invalid_weights', 'the weights are all zero; at least one part needs a positive weight');
  }
  return ratios;
}

/**
 * Largest-remainder split of an integer `total` (minor units) in proportion to `weights`. The parts
 * always sum to the total and each is within one unit of its exact share.
 */
export function allocateLargestRemainder(total: bigint, weights: readonly number[]): bigint[] {
  const exactWeights = weightsToRatios(weights);
  const weightSum = sumRatios(exactWeights);
  const quotas = exactWeights.map((weight) => multiplyRatios(ratio(total), divideRatios(weight, weightSum)));
  return apportionToQuotas(total, quotas);
}

/**
 * Exact sum of decimal values (text as stored, or numbers at their shortest round-trip form), as
 * decimal text: 0.1 + 0.2 is "0.3", and 9007199254740993 + 1 is "9007199254740994".
 */
export function sumExact(values: readonly (number | string)[]): string {
  const exact = values.map((value) => {
    const text = typeof value === 'number' ? String(value) : value.trim();
    if (!ratioFromDecimal(text)) throw new MoneyError('invalid_amount', `${JSON.stringify(value)} is not a finite number`);
    return new Dec(text);
  });
  return exact.reduce((sum, value) => sum.plus(value), new Dec(0)).toFixed();
}
