import { z } from 'zod';
import { errors as englishErrors } from '../../../workflows/i18n/en/errors';
import { errors as chineseErrors } from '../../../workflows/i18n/zh-CN/errors';
import type { Language } from '../../../workflows/i18n';
import { schemaSentenceKey } from '../../../workflows/i18n/schema-sentences';
import { isMissingValue } from '../../../api/contract/built-in-issue';

// What a form says before anything is sent comes from the contract's schemas, in English: zod's own
// words ("Too big: expected number to be <=366"), "is required", or a sentence a schema gives
// (errors.schema). The API says the same in the reader's language (api/errors.ts); so does the page.

/** A contract sentence (or "is required") in `language`; any other message as it is (the API's are already in it). */
export function contractWordsIn(language: Language, message: string): string {
  if (language === 'en') return message;
  if (message === englishErrors.field.required) return chineseErrors.field.required;
  const key = schemaSentenceKey(message);
  return key === undefined ? message : chineseErrors.schema[key];
}

const chineseZod = z.locales.zhCN().localeError;

/**
 * The parse options of a form's check in `language`: zod words its own issues by its locale, and a
 * missing field reads as the API says it. A schema's own sentence still wins (see contractWordsIn).
 */
export function checkOptionsIn(language: Language): { error: (issue: z.core.$ZodRawIssue) => string | undefined } | undefined {
  if (language === 'en') return undefined;
  return {
    error: (issue) => {
      if (isMissingValue(issue)) return chineseErrors.field.required;
      const said = chineseZod(issue);
      return typeof said === 'string' ? said : said?.message;
    },
  };
}
