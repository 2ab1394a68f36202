import { inPageLanguage } from './format';

/**
 * Compares two names as the page's language sorts them: in zh-CN by pinyin (ICU's Chinese
 * collation, as the server's `name_order`), in English alphabetically; case aside in both.
 */
export function compareNames(a: string, b: string): number {
  return inPageLanguage('names', (language) => new Intl.Collator(language, { sensitivity: 'base' })).compare(a, b);
}

/** A copy of the list sorted by name (see compareNames). */
export const byName = <T extends { name: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => compareNames(a.name, b.name));
