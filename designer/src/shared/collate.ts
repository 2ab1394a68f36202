import { currentLanguage } from '../i18n/i18n';
import type { Language } from '../../../workflows/i18n';

const collators = new Map<Language, Intl.Collator>();

/**
 * Compares two names as the page's language sorts them: in zh-CN by pinyin (ICU's Chinese
 * collation, as the server's `name_order`), in English alphabetically; case aside in both.
 */
export function compareNames(a: string, b: string): number {
  const language = currentLanguage();
  let collator = collators.get(language);
  if (collator === undefined) {
    collator = new Intl.Collator(language, { sensitivity: 'base' });
    collators.set(language, collator);
  }
  return collator.compare(a, b);
}

/** A copy of the list sorted by name (see compareNames). */
export const byName = <T extends { name: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => compareNames(a.name, b.name));
