import type { Context } from 'hono';
import { defaultLanguage, isLanguage, languageOfAcceptHeader, type Language } from '../workflows/i18n';

/**
 * The language a request reads its answer in: its `Accept-Language` (by q-values; `zh`, `zh-CN`,
 * `zh-Hans` read Chinese), else English. The one place the API decides it.
 */
export function requestLanguage(c: Context): Language {
  return languageOfAcceptHeader(c.req.header('accept-language')) ?? defaultLanguage;
}

/** `?lang=` when it names a language Milepost speaks, else the request's language. */
export function askedLanguage(c: Context): Language {
  const asked = c.req.query('lang');
  return isLanguage(asked) ? asked : requestLanguage(c);
}
