import type { Db } from '../db/connect';
import { validateFlow, type ValidateOptions } from '../workflows/flow/validate';
import type { Diagnostic } from '../workflows/flow/diagnostic';
import { diagnosticSentence } from '../workflows/flow/diagnostic-sentence';
import { defaultLanguage, type Language } from '../workflows/i18n';
import { translate } from '../activities/runtime/translator';
import { activeTeamIds } from '../db/queries/members';
import { activeRoles } from '../db/queries/users';

/** The diagnostics' sentences in `language` (validation writes them in English). */
export function inLanguage(diagnostics: readonly Diagnostic[], language: Language): Diagnostic[] {
  if (language === defaultLanguage) return [...diagnostics];
  const t = translate(language, 'flowDiagnostics');
  return diagnostics.map((diagnostic) => ({ ...diagnostic, message: diagnosticSentence((key, params) => t(key as never, params), language, diagnostic) }));
}

/**
 * Validation with what only the database knows: a role or team rule that has active people
 * today counts as resolving, so it needs no fallback; anything else is judged by its nature.
 * The sentences are in `language`; codes and params are the same in every language.
 */
export async function validateWithDirectory(db: Db, document: unknown, language: Language = defaultLanguage): Promise<Diagnostic[]> {
  const roles = new Set(await activeRoles(db));
  const teams = new Set(await activeTeamIds(db));
  const options: ValidateOptions = {
    resolvesToSomeone: (rule) => {
      if (rule.kind === 'role') return roles.has(rule.role) || undefined;
      if (rule.kind === 'team') return teams.has(rule.teamId) || undefined;
      return undefined;
    },
  };
  return inLanguage(validateFlow(document, options), language);
}
