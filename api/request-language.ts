import type { Context } from 'hono';
import { defaultLanguage, languageOfAcceptHeader, type Language } from '../workflows/i18n';

/**
 * The language a request reads its answer in: its `Accept-Language` (by q-values; `zh`, `zh-CN`,
 * `zh-Hans` read Chinese), else English. The one place the API decides it.
 */
export function requestLanguage(c: Context): Language {
  return languageOfAcceptHeader(c.req.header('accept-language')) ?? defaultLanguage;
}

