import type { Db } from '../db/connect';
import { validateFlow, type ValidateOptions } from '../workflows/flow/validate';
import type { Diagnostic } from '../workflows/flow/diagnostic';

/**
 * Validation with what only the database knows: a role or team rule that has active people
 * today counts as resolving, so it needs no fallback; anything else is judged by its nature.
 */
export async function validateWithDirectory(db: Db, document: unknown): Promise<Diagnostic[]> {
  const roles = new Set(
    (await db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.userId').select('user_roles.role as role').where('users.active', '=', true).distinct().execute()).map((r) => r.role),
  );
  const teams = new Set(
    (await db.selectFrom('team_members').innerJoin('users', 'users.id', 'team_members.userId').select('teamId').where('users.active', '=', true).distinct().execute()).map((t) => t.teamId),
  );
  const options: ValidateOptions = {
    resolvesToSomeone: (rule) => {
      if (rule.kind === 'role') return roles.has(rule.role) || undefined;
      if (rule.kind === 'team') return teams.has(rule.teamId) || undefined;
      return undefined;
    },
  };
  return validateFlow(document, options);
}
