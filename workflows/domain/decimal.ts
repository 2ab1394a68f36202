import DecimalJs from 'decimal.js';
import { z } from 'zod';
import { round2 } from './round2';

/**
 * Money, targets and KPI values are decimals that must stay exactly what people wrote: they travel
 * as decimal text from the request to the `numeric` column and back, and are computed with
 * decimal.js, never as JavaScript numbers (which hold only 15–17 significant digits).
 *
 * The columns are PostgreSQL `numeric` without a declared precision, which holds far more than any
 * plan needs; the API takes at most 20 digits before the point and 8 after (MAX_SCALE of the
 * decomposition), so every value it accepts is stored, summed and split exactly.
 */
export const MAX_INTEGER_DIGITS = 20;
export const MAX_FRACTION_DIGITS = 8;

/**
 * Our own decimal.js constructor, so no other code's global configuration changes our results.
 * 120 significant digits: sums of millions of values at 28 digits stay exact, and quotients (a
 * percentage, a share) are far more precise than anyone reads them.
 */
export const Dec = DecimalJs.clone({ precision: 120, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -1000, toExpPos: 1000 });
export type Dec = InstanceType<typeof Dec>;

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

export const DECIMAL_EXAMPLE = 'e.g. 1250000 or "1250000.50"';

/**
 * The exact decimal text of `value`, or the sentence saying why it is not one we store. A number is
 * read at its shortest round-trip form (0.1 is "0.1"), which is what was written whenever the JSON
 * number was exact — the API refuses inexact JSON numbers before they get here (see
 * api/exact-json-numbers.ts).
 */
export function decimalText(value: number | string): { ok: true; text: string } | { ok: false; message: string } {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, message: `must be a finite decimal number, ${DECIMAL_EXAMPLE}` };
    text = new Dec(String(value)).toFixed();
  } else {
    text = value.trim();
    if (!PLAIN_DECIMAL.test(text)) return { ok: false, message: `must be a decimal number, ${DECIMAL_EXAMPLE}` };
  }
  const [whole = '', fraction = ''] = text.replace(/^-/, '').split('.');
  if (fraction.length > MAX_FRACTION_DIGITS) {
    return { ok: false, message: `has ${fraction.length} decimal places; at most ${MAX_FRACTION_DIGITS} are kept exactly` };
  }
  if (whole.replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS) {
    return { ok: false, message: `has more than ${MAX_INTEGER_DIGITS} digits before the decimal point` };
  }
  // Text is kept as written (PostgreSQL keeps "100.50" as written too); a number as its plain decimal form.
  return { ok: true, text };
}

/**
 * A decimal given as a JSON number (only while exact) or as decimal text, kept as canonical text.
 * `message` replaces the sentence for a value that is not a decimal at all (the SMART goal words its
 * own); the limits always say which one was passed.
 */
export const decimalSchema = (message: string | ((input: unknown) => string) = `must be a decimal number, ${DECIMAL_EXAMPLE}`) =>
  z.union([z.number(), z.string()], { error: (issue) => (typeof message === 'string' ? message : message(issue.input)) }).transform((value, ctx) => {
    const checked = decimalText(value);
    if (checked.ok) return checked.text;
    const notADecimal = checked.message.startsWith('must be');
    ctx.addIssue({ code: 'custom', message: notADecimal ? (typeof message === 'string' ? message : message(value)) : checked.message, input: value });
    return z.NEVER;
  });

/** Sum of decimal texts (or exact numbers), exactly, as canonical decimal text. */
export function sumDecimals(values: readonly (string | number)[]): string {
  return values.reduce<Dec>((sum, value) => sum.plus(new Dec(typeof value === 'number' ? String(value) : value)), new Dec(0)).toFixed();
}

/** A ratio or percentage for display, from exact decimals: `part / whole × 100` as a JS number. */
export function percentOf(part: string | number, whole: string | number): number {
  return new Dec(String(part)).div(new Dec(String(whole))).times(100).toNumber();
}

/**
 * How far `after` moved from `before`, in percent of `before`, computed exactly and rounded to two
 * decimals for display (a rise of 100 to 110 is 10); `before` must not be 0.
 */
export function percentChange(before: string | number, after: string | number): number {
  return round2(percentOf(new Dec(String(after)).minus(String(before)).toFixed(), before));
}

/**
 * A decimal as a JSON value where numbers are expected (a flow's variables, which rules compare):
 * the number while it holds the decimal exactly, else the exact decimal text, so a message never
 * shows a rounded amount. JSON Logic's comparisons read the text as a number.
 */
export function exactJsonNumber(value: string | number): number | string {
  const text = new Dec(String(value)).toFixed();
  const read = Number(text);
  return new Dec(String(read)).eq(text) ? read : text;
}

