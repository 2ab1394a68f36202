import type { Db } from '../../db/connect';
import { isAbove } from '../../db/queries/users';
import type { Principal } from '../auth/principal';
import { ApiError, said } from '../errors';
import { roleMay } from './role-abilities';

/**
 * Who may create a project owned by `ownerId`: admins for anyone, managers for themselves and the
 * people below them in the org chart, members for themselves only; ops and viewers for nobody.
 * Refuses with 403 naming the rule; the owner is known to exist.
 */
export async function requireMayCreateProjectFor(db: Db, principal: Principal, ownerId: string): Promise<void> {
  if (!roleMay(principal.role, 'createProject')) {
    throw new ApiError(403, 'forbidden', said('createProjectRole', { role: said(`roles.${principal.role}`) }));
  }
  if (ownerId === principal.userId) return;
  if (!roleMay(principal.role, 'chooseProjectOwner')) {
    throw new ApiError(403, 'forbidden', said('createProjectMember', { field: 'ownerId' }));
  }
  if (principal.role === 'admin' || (await isAbove(db, principal.userId, ownerId))) return;
  throw new ApiError(403, 'forbidden', said('createProjectManager'));
}
