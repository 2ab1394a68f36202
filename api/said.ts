import { translate } from '../activities/runtime/translator';
import { errors as englishErrors } from '../workflows/i18n/en/errors';
import type { Language } from '../workflows/i18n';

type Leaves<T, P extends string = ''> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];

/** A key of the `errors` catalog: `notFound`, `field.required`, `things.project`… */
export type ErrorKey = Leaves<typeof englishErrors>;

/** An argument of a message: text, a number, another message, or a list joined as the language joins it. */
export type SaidParam = string | number | Said | { list: readonly SaidParam[]; join: 'or' | 'comma' };

/** A message of the `errors` catalog with its arguments, said in whichever language is asked. */
export interface Said {
  key: ErrorKey;
  params?: Record<string, SaidParam>;
}

export const said = (key: ErrorKey, params?: Record<string, SaidParam>): Said => (params ? { key, params } : { key });

function paramIn(language: Language, param: SaidParam): string | number {
  if (typeof param === 'string' || typeof param === 'number') return param;
  if ('key' in param) return sayIn(language, param);
  const items = param.list.map((item) => String(paramIn(language, item)));
  if (items.length === 0) return '';
  // "a or b or c": each pair joins through the catalog, so a language picks its own words.
  return items.reduceRight((rest, first) => sayIn(language, said(`list.${param.join}`, { first, rest })));
}

/** The message in `language`: English is the catalog's English, word for word. */
export function sayIn(language: Language, message: Said): string {
  const t = translate(language, 'errors') as unknown as (key: string, params?: Record<string, unknown>) => string;
  const params = Object.fromEntries(Object.entries(message.params ?? {}).map(([name, value]) => [name, paramIn(language, value)]));
  return t(message.key, params);
}

/** What a refused person tried to do, as the routes write it: one of the catalog's English `doing` texts. */
export type DoingText = (typeof englishErrors.doing)[keyof typeof englishErrors.doing];

const doingKeys = new Map(Object.entries(englishErrors.doing).map(([key, text]) => [text as string, `doing.${key}` as ErrorKey]));

/** The `{doing}` of a refusal, by its English text. */
export const doingParam = (doing: DoingText): Said => said(doingKeys.get(doing)!);
