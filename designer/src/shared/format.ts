import { currentLanguage } from '../i18n/i18n';
import type { Language } from '../../../workflows/i18n';

/** One formatter per language and kind, made when first asked for: building an Intl formatter is slow. */
function cachedPerLanguage<F>(make: (language: Language) => F): () => F {
  const made = new Map<Language, F>();
  return () => {
    const language = currentLanguage();
    let formatter = made.get(language);
    if (formatter === undefined) {
      formatter = make(language);
      made.set(language, formatter);
    }
    return formatter;
  };
}

const numberFormat = cachedPerLanguage((language) => new Intl.NumberFormat(language, { maximumFractionDigits: 2 }));
const compactFormat = cachedPerLanguage((language) => new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }));

/** Decimal text (an amount from the API) is formatted as the exact decimal it is, not as the nearest JavaScript number. */
export const formatNumber = (value: number | string): string => numberFormat().format(value as number | Intl.StringNumericLiteral);
export const formatCompact = (value: number): string => compactFormat().format(value);
export const formatPct = (value: number | null): string => (value === null ? '—' : `${numberFormat().format(value)} %`);

/** A number typed in a form, or undefined when left empty — so the API can say what is missing. */
export function numberOrUndefined(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
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
