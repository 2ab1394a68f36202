import type { Db } from '../../db/connect';
import { listLanguages } from '../../db/queries/users';
import type { Language } from '../../workflows/i18n';
import { translate } from './translator';

/** A message of the `messages` catalog by its dotted key, in one language. */
export type Say = (key: string, params?: Record<string, unknown>) => string;

export const messagesIn = (language: Language): Say => translate(language, 'messages') as unknown as Say;

/** The language each of these people reads their messages in: their own, else the instance's (set by an admin; English at first). */
export async function readersLanguages(db: Db, ids: readonly string[]): Promise<(id: string) => Language> {
  const languages = await listLanguages(db, [...new Set(ids)]);
  return (id) => languages.of.get(id) ?? languages.instance;
}

/** A moment to the minute, in UTC, as `language` writes it: `2027-03-31 10:00 UTC` in English. */
export function minuteIn(language: Language, at: Date): string {
  const text =
    language === 'en'
      ? at.toISOString().slice(0, 16).replace('T', ' ')
      : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' }).format(at);
  return messagesIn(language)('page.when', { at: text });
}
