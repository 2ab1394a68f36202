import { currentLanguage } from '../i18n/i18n';
import type { Language } from '../../../workflows/i18n';

const made = new Map<string, unknown>();

/**
 * The formatter `make` builds for the page's language, made once per language and `kind` (the
 * options it stands for, a time zone included): building an Intl formatter is slow.
 */
export function inPageLanguage<F>(kind: string, make: (language: Language) => F): F {
  const language = currentLanguage();
  const key = `${language}\u0000${kind}`;
  let formatter = made.get(key) as F | undefined;
  if (formatter === undefined) {
    formatter = make(language);
    made.set(key, formatter);
  }
  return formatter;
}

const numberFormat = () => inPageLanguage('number', (language) => new Intl.NumberFormat(language, { maximumFractionDigits: 2 }));
const compactFormat = () => inPageLanguage('compact', (language) => new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }));

/** Decimal text (an amount from the API) is formatted as the exact decimal it is, not as the nearest JavaScript number. */
export const formatNumber = (value: number | string): string => numberFormat().format(value as number | Intl.StringNumericLiteral);
/** A figure as a chart axis or a summary shows it: 1.2M in English, 120万 in Chinese. */
export const formatCompact = (value: number): string => compactFormat().format(value);
/** A share in percent (80 → "80 %" in English, "80%" in Chinese); null reads as a dash. */
export const formatPct = (value: number | null): string => (value === null ? '—' : currentLanguage() === 'zh-CN' ? `${numberFormat().format(value)}%` : `${numberFormat().format(value)} %`);

const currencies = new Set(Intl.supportedValuesOf('currency'));

/** Whether a goal's unit is a currency (an ISO 4217 code such as CNY): then its figures are money. */
export const isCurrency = (unit: string | null | undefined): unit is string => typeof unit === 'string' && /^[A-Z]{3}$/.test(unit) && currencies.has(unit);

const moneyFormat = (currency: string) => inPageLanguage(`money ${currency}`, (language) => new Intl.NumberFormat(language, { style: 'currency', currency }));
const compactMoneyFormat = (currency: string) =>
  inPageLanguage(`compact money ${currency}`, (language) => new Intl.NumberFormat(language, { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }));

/**
 * A figure in its unit. Money reads as Chinese users write it (¥5,000,000.00) in a Chinese page;
 * an English page keeps the figure and the code (5,000,000 CNY), as it always did. Any other unit
 * (customers, %, points) follows the figure.
 */
export function formatAmount(value: number | string, unit: string | null | undefined): string {
  if (currentLanguage() === 'zh-CN' && isCurrency(unit)) return moneyFormat(unit).format(value as number | Intl.StringNumericLiteral);
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** A figure in its unit, short, for chart axes and summary figures: ¥500万 in a Chinese page, 5M CNY in an English one. */
export function formatCompactAmount(value: number, unit: string | null | undefined): string {
  if (currentLanguage() === 'zh-CN' && isCurrency(unit)) return compactMoneyFormat(unit).format(value);
  return unit ? `${formatCompact(value)} ${unit}` : formatCompact(value);
}

/** A number typed in a form, or undefined when left empty — so the API can say what is missing. */
export function numberOrUndefined(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

// Digits in groups of three, as people type large amounts: "1,200,000", "1，200，000", "1 200 000.50".
const groupedDigits = /^[+-]?\d{1,3}(?:([,，\u00a0\u202f ])\d{3})(?:\1\d{3})*(?:\.\d+)?$/;

/**
 * An amount as typed, trimmed, with its digit groups joined ("1,200,000" → "1200000"), sent as text
 * so that no digit is rounded; anything else goes as typed, for the API to say what is wrong.
 */
export function amountAsTyped(text: string): string {
  const trimmed = text.trim();
  return groupedDigits.test(trimmed) ? trimmed.replace(/[,，\u00a0\u202f ]/g, '') : trimmed;
}

/** Text typed in a form, or undefined when left empty. */
export const textOrUndefined = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/** A number as typed: empty is left out (the API names what is missing); anything else is sent for the API to judge. */
export function numberAsTyped(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}
