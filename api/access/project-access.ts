import type { Db } from '../../db/connect';
import { findProjectRelation, projectIdsOf, type ProjectReader, type ProjectRelation } from '../../db/queries/project-access';
import type { Principal } from '../auth/principal';
import { ApiError, notFound, said } from '../errors';
import { doingParam, type DoingText } from '../said';
import type { ProjectAccess } from '../contract/projects';

/**
 * What a person may do with a project, each level including the ones before it:
 * - read: see everything about it (its viewers, managers above its members, ops, admins);
 * - work: report KPIs, work tasks, answer its closing review (its members);
 * - plan: change its plan and drive its lifecycle — submit, request changes, close, finalize
 *   (its owner, the owner's managers up the org chart, admins).
 * Nobody gets more than their role allows: a viewer (or a viewer-scoped token) only reads, and
 * ops read every project but change none.
 */
export { projectAccessLevels, type ProjectAccess } from '../contract/projects';

const rank: Record<ProjectAccess, number> = { read: 1, work: 2, plan: 3 };

/** Whether `have` includes `need` (plan includes work, work includes read). */
export const accessIncludes = (have: ProjectAccess, need: ProjectAccess): boolean => rank[have] >= rank[need];

export function accessFrom(principal: Pick<Principal, 'role' | 'userId'>, relation: ProjectRelation): ProjectAccess | undefined {
  switch (principal.role) {
    case 'admin':
      return 'plan';
    case 'ops':
      return 'read';
    case 'viewer':
      return relation.ownerId === principal.userId || relation.memberRole ? 'read' : undefined;
    case 'manager':
    case 'member': {
      const managing = principal.role === 'manager';
      if (relation.ownerId === principal.userId || relation.memberRole === 'owner' || (managing && relation.managesOwner)) return 'plan';
      if (relation.memberRole === 'member') return 'work';
      if (relation.memberRole === 'viewer' || (managing && relation.managesMember)) return 'read';
      return undefined;
    }
  }
}

/**
 * The access a person needs to a project, or the error: 404 when they may not even read it (a
 * project you cannot see does not exist for you), 403 when they may read but not do this.
 * `hidden` is the 404 to answer, for things reached by an id of their own (a retrospective).
 */
export async function requireProjectAccess(
  db: Db,
  principal: Principal,
  projectId: string,
  need: ProjectAccess,
  doing: DoingText = 'do this',
  hidden: () => ApiError = () => notFound('project', projectId),
): Promise<ProjectAccess> {
  return requireAccessFrom(principal, await findProjectRelation(db, projectId, principal.userId), need, doing, hidden);
}

/** requireProjectAccess for a relation already known (undefined: no such project). */
export function requireAccessFrom(principal: Principal, relation: ProjectRelation | undefined, need: ProjectAccess, doing: DoingText, hidden: () => ApiError): ProjectAccess {
  const access = relation && accessFrom(principal, relation);
  if (!access) throw hidden();
  if (!accessIncludes(access, need)) {
    throw new ApiError(403, 'forbidden', said(principal.role === 'viewer' ? 'onlyProjectPeopleViewer' : 'onlyProjectPeople', { who: said(`who.${need}`), doing: doingParam(doing) }));
  }
  return access;
}

/** The access a person has to a project, undefined when they may not see it (or it does not exist). */
export async function projectAccessOf(db: Db, principal: Principal, projectId: string): Promise<ProjectAccess | undefined> {
  const relation = await findProjectRelation(db, projectId, principal.userId);
  return relation && accessFrom(principal, relation);
}

/** For lists: undefined = every project; else whose projects this person may read. */
export function projectReader(principal: Principal): ProjectReader | undefined {
  if (principal.role === 'admin' || principal.role === 'ops') return undefined;
  return { userId: principal.userId, withReports: principal.role === 'manager' };
}

/** For lists: undefined = every project; else a subquery of the ids this person may read. */
export function readableProjectIds(principal: Principal) {
  const reader = projectReader(principal);
  return reader && projectIdsOf(reader.userId, reader);
}
