import { usePeople } from '../shared/people';
import { useSession } from './session-store';
import type { ProjectAccess } from '../../../api/contract/projects';
import type { User } from '../../../api/contract/users';
import type { AccessRole } from '../../../workflows/domain/access-role';

const rank: Record<ProjectAccess, number> = { read: 1, work: 2, plan: 3 };

/** Whether `have` includes `need` (plan includes work, work includes read). */
export const accessIncludes = (have: ProjectAccess, need: ProjectAccess): boolean => rank[have] >= rank[need];

/** Whether `managerId` stands above `personId` in the org chart (a cycle stops the walk). */
export function standsAbove(users: readonly Pick<User, 'id' | 'managerId'>[], managerId: string, personId: string): boolean {
  const byId = new Map(users.map((u) => [u.id, u.managerId]));
  const seen = new Set<string>();
  for (let next = byId.get(personId) ?? null; next !== null && !seen.has(next); next = byId.get(next) ?? null) {
    if (next === managerId) return true;
    seen.add(next);
  }
  return false;
}

/**
 * What the signed-in person may do with a project they can see, as the API decides it: plan for
 * admins, the owner and the owner's managers; read only for operations and viewers; work for the
 * rest (they see it, so they are on its team). Used only when the API does not say it itself.
 */
export function estimateProjectAccess(me: { id: string; role: AccessRole }, ownerId: string, users: readonly Pick<User, 'id' | 'managerId'>[]): ProjectAccess {
  if (me.role === 'admin') return 'plan';
  if (me.role === 'ops' || me.role === 'viewer') return 'read';
  if (me.id === ownerId || (me.role === 'manager' && standsAbove(users, me.id, ownerId))) return 'plan';
  return 'work';
}

/** The signed-in person's access to a project: the API's word when it gives one, else the estimate. */
export function useProjectAccess(project: { ownerId: string; access?: ProjectAccess | undefined }): ProjectAccess {
  const { user } = useSession();
  const people = usePeople();
  if (project.access !== undefined) return project.access;
  return estimateProjectAccess(user, project.ownerId, people.status === 'ready' ? people.users : []);
}
