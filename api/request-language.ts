import type { Context } from 'hono';
import { defaultLanguage, languageOfAcceptHeader, type Language } from '../workflows/i18n';

/**
 * The language a request is answered in: the first supported one of its `Accept-Language` (the web
 * app sends the page's language on every call), else English.
 */
export function requestLanguage(c: Context): Language {
  return languageOfAcceptHeader(c.req.header('Accept-Language')) ?? defaultLanguage;
}
