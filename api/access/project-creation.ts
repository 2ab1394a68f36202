import type { Db } from '../../db/connect';
import { idsBelow, isAbove } from '../../db/queries/users';
import type { Principal } from '../auth/principal';
import { ApiError, said } from '../errors';
import { roleMay } from './role-abilities';

/**
 * Who may create a project owned by `ownerId`: admins for anyone, managers for themselves and the
 * people below them in the org chart, members for themselves only; ops and viewers for nobody.
 * Refuses with 403 naming the rule; the owner is known to exist.
 */
/**
 * Of `people`, those `principal` may create a project for, by the rule `requireMayCreateProjectFor`
 * applies to one owner: the list a page offers as owners.
 */
export async function mayCreateProjectsFor<T extends { id: string }>(db: Db, principal: Principal, people: readonly T[]): Promise<T[]> {
  if (!roleMay(principal.role, 'createProject')) return [];
  if (principal.role === 'admin') return [...people];
  if (!roleMay(principal.role, 'chooseProjectOwner')) return people.filter((person) => person.id === principal.userId);
  const below = await idsBelow(db, principal.userId);
  return people.filter((person) => person.id === principal.userId || below.has(person.id));
}

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
