import type { Db } from '../../db/connect';
import { idsBelow, isAbove } from '../../db/queries/users';
import type { Principal } from '../auth/principal';
import { ApiError, said } from '../errors';
import { roleMay } from './role-abilities';

/** Whom someone may make the owner of a new project: nobody, themself, themself and everyone below them, or anyone. */
type OwnerRule = 'nobody' | 'self' | 'selfAndBelow' | 'anyone';

/**
 * The one rule behind both the check of one owner and the list of owners a page offers: admins for
 * anyone, managers for themselves and the people below them in the org chart, members for
 * themselves only; ops and viewers for nobody.
 */
function ownerRule(principal: Principal): OwnerRule {
  if (!roleMay(principal.role, 'createProject')) return 'nobody';
  if (!roleMay(principal.role, 'chooseProjectOwner')) return 'self';
  return principal.role === 'admin' ? 'anyone' : 'selfAndBelow';
}

/** Of `people`, those `principal` may create a project for (`ownerRule`): the list a page offers as owners. */
export async function mayCreateProjectsFor<T extends { id: string }>(db: Db, principal: Principal, people: readonly T[]): Promise<T[]> {
  const rule = ownerRule(principal);
  if (rule === 'nobody') return [];
  if (rule === 'anyone') return [...people];
  const below = rule === 'selfAndBelow' ? await idsBelow(db, principal.userId) : new Set<string>();
  return people.filter((person) => person.id === principal.userId || below.has(person.id));
}

/** Whether `principal` may create a project owned by `ownerId` (`ownerRule`); refuses with 403 naming the rule. The owner is known to exist. */
export async function requireMayCreateProjectFor(db: Db, principal: Principal, ownerId: string): Promise<void> {
  const rule = ownerRule(principal);
  if (rule === 'nobody') throw new ApiError(403, 'forbidden', said('createProjectRole', { role: said(`roles.${principal.role}`) }));
  if (ownerId === principal.userId || rule === 'anyone') return;
  if (rule === 'self') throw new ApiError(403, 'forbidden', said('createProjectMember', { field: 'ownerId' }));
  if (await isAbove(db, principal.userId, ownerId)) return;
  throw new ApiError(403, 'forbidden', said('createProjectManager'));
}
