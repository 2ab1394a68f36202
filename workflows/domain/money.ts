import { DomainError } from './errors';
import {
  compareRatios,
  divideRatios,
  floorRatio,
  multiplyRatios,
  ratio,
  ratioFromDecimal,
  ratioToNumber,
  subtractRatios,
  sumRatios,
  type Ratio,
} from './ratio';

/**
 * Money and targets are split as integers of minor units: an amount with `scale` decimal places is
 * stored as amount × 10^scale (scale 2: 416,666.67 → 41,666,667). Eight places at most, so any
 * realistic sales target stays far below 2^53, where numbers stop being exact integers.
 */
export const MAX_SCALE = 8;

export type MoneyErrorCode = 'invalid_amount' | 'invalid_scale' | 'out_of_range' | 'invalid_weights';
export class MoneyError extends DomainError<MoneyErrorCode> {}

function checkScale(scale: number): void {
  if (!Number.isInteger(scale) || scale < 0 || scale > MAX_SCALE) {
    throw new MoneyError('invalid_scale', `scale must be a whole number of decimal places from 0 to ${MAX_SCALE}, got ${scale}`);
  }
}

function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new MoneyError('out_of_range', `${what} is too large to be counted exactly`);
  }
  return Number(value);
}

/**
 * Exact minor units of a decimal amount. Refuses more decimal places than `scale` instead of
 * rounding, because a silently rounded target is a target nobody agreed to.
 */
export function toMinorUnits(amount: number | string, scale = 0): number {
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
  return toSafeNumber(minor.num, String(amount));
}

/** The amount as a number in major units: the double nearest to the exact decimal. */
export function fromMinorUnits(minor: number, scale = 0): number {
  checkScale(scale);
  return minor / 10 ** scale;
}

/** The exact decimal text of an amount, e.g. formatMinorUnits(41666667, 2) === '416666.67'. */
export function formatMinorUnits(minor: number, scale = 0): string {
  checkScale(scale);
  if (!Number.isSafeInteger(minor)) {
    throw new MoneyError('invalid_amount', `${minor} is not a whole number of minor units`);
  }
  const digits = Math.abs(minor).toString().padStart(scale + 1, '0');
  const sign = minor < 0 ? '-' : '';
  if (scale === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
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
export function allocateLargestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) {
    throw new MoneyError('invalid_amount', `total ${total} is not a whole number of minor units`);
  }
  const exactWeights = weightsToRatios(weights);
  const weightSum = sumRatios(exactWeights);
  const quotas = exactWeights.map((weight) => multiplyRatios(ratio(BigInt(total)), divideRatios(weight, weightSum)));
  return apportionToQuotas(BigInt(total), quotas).map(Number);
}

/** Sum of decimal values without float drift (0.1 + 0.2 is 0.3 here), rounded once at the end. */
export function sumExact(values: readonly number[]): number {
  const exact = values.map((value) => {
    const parsed = ratioFromDecimal(value);
    if (!parsed) throw new MoneyError('invalid_amount', `${String(value)} is not a finite number`);
    return parsed;
  });
  return ratioToNumber(sumRatios(exact));
}
