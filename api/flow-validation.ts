import type { Db } from '../db/connect';
import { validateFlow, type ValidateOptions } from '../workflows/flow/validate';
import type { Diagnostic } from '../workflows/flow/diagnostic';
import { activeTeamIds } from '../db/queries/members';
import { activeRoles } from '../db/queries/users';

/**
 * Validation with what only the database knows: a role or team rule that has active people
 * today counts as resolving, so it needs no fallback; anything else is judged by its nature.
 */
export async function validateWithDirectory(db: Db, document: unknown): Promise<Diagnostic[]> {
  const roles = new Set(await activeRoles(db));
  const teams = new Set(await activeTeamIds(db));
  const options: ValidateOptions = {
    resolvesToSomeone: (rule) => {
      if (rule.kind === 'role') return roles.has(rule.role) || undefined;
      if (rule.kind === 'team') return teams.has(rule.teamId) || undefined;
      return undefined;
    },
  };
  return validateFlow(document, options);
}
