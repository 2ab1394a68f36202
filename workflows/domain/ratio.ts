/**
 * Exact rational arithmetic on bigint. Splitting money must never go through floating point:
 * 5,000,000 / 12 has to be exactly 416,666 + 2/3, or rounding starts to lose or invent cents.
 */
export interface Ratio {
  /** Signed numerator. */
  readonly num: bigint;
  /** Always positive; the ratio is kept in lowest terms. */
  readonly den: bigint;
}

const abs = (value: bigint): bigint => (value < 0n ? -value : value);

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x;
}

export function ratio(num: bigint, den = 1n): Ratio {
  if (den === 0n) throw new RangeError('ratio: the denominator is zero');
  const sign = den < 0n ? -1n : 1n;
  const divisor = gcd(num, den);
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

export const ZERO: Ratio = { num: 0n, den: 1n };

export const addRatios = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den + b.num * a.den, a.den * b.den);

export const sumRatios = (values: readonly Ratio[]): Ratio => values.reduce(addRatios, ZERO);

export const subtractRatios = (a: Ratio, b: Ratio): Ratio =>
  ratio(a.num * b.den - b.num * a.den, a.den * b.den);

export const multiplyRatios = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.num, a.den * b.den);

export function divideRatios(a: Ratio, b: Ratio): Ratio {
  if (b.num === 0n) throw new RangeError('ratio: division by zero');
  return ratio(a.num * b.den, a.den * b.num);
}

/** Largest integer not above the ratio (rounds toward −∞, also for negative ratios). */
export function floorRatio(a: Ratio): bigint {
  const quotient = a.num / a.den;
  return a.num < 0n && quotient * a.den !== a.num ? quotient - 1n : quotient;
}

export function compareRatios(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** For display and non-monetary maths only; loses precision beyond 2^53. */
export const ratioToNumber = (a: Ratio): number => Number(a.num) / Number(a.den);

/** Exponents beyond this are refused so a hostile "1e999999999" cannot make a gigantic bigint. */
const MAX_EXPONENT = 400;
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * The exact value of a decimal number or string, e.g. "416666.67" or 0.1 (read as exactly 1/10 —
 * numbers are taken at their shortest round-trip decimal form, which is what a user typed).
 * Returns null for anything that is not a finite decimal.
 */
export function ratioFromDecimal(value: number | string): Ratio | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  if (whole === '' && fraction === '') return null;
  const exponent = Number(exponentText) - fraction.length;
  if (Math.abs(exponent) > MAX_EXPONENT) return null;
  const digits = BigInt(`${sign === '-' ? '-' : ''}${whole}${fraction}` || '0');
  return exponent >= 0 ? ratio(digits * 10n ** BigInt(exponent)) : ratio(digits, 10n ** BigInt(-exponent));
}
