import type { Db } from '../../db/connect';
import { listTeamMemberIds } from '../../db/queries/members';
import { getProjectOwnerId } from '../../db/queries/projects';
import { findManagerAbove, listActivePeople, listUserIdsWithRole } from '../../db/queries/users';
import { lookupVariable } from '../../workflows/flow/template';
import type { Fallback, PeopleRule } from '../../workflows/flow/people-rule';

export interface Person {
  id: string;
  name: string;
  email: string;
}

/** A person as flows name them, from a user row (which carries more). */
export const personOf = ({ id, name, email }: Person): Person => ({ id, name, email });

async function activePeople(db: Db, ids: string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  const rows = await listActivePeople(db, ids);
  // Keep the order the rule gave (a sequence of approvers is ordered).
  return ids.flatMap((id) => rows.filter((row) => row.id === id));
}

async function projectOwnerId(db: Db, projectId: string): Promise<string> {
  return getProjectOwnerId(db, projectId);
}

async function managerAbove(db: Db, projectId: string, levels: number): Promise<string[]> {
  const manager = await findManagerAbove(db, await projectOwnerId(db, projectId), levels);
  return manager ? [manager.id] : [];
}

async function ruleCandidates(db: Db, projectId: string, rule: PeopleRule, context: unknown): Promise<string[]> {
  switch (rule.kind) {
    case 'project_owner':
      return [await projectOwnerId(db, projectId)];
    case 'owner_manager':
      return managerAbove(db, projectId, 1);
    case 'manager_levels_up':
      return managerAbove(db, projectId, rule.levels);
    case 'manager_chain':
      return managerAbove(db, projectId, rule.level);
    case 'role':
      return listUserIdsWithRole(db, rule.role);
    case 'team':
      return listTeamMemberIds(db, rule.teamId);
    case 'user':
      return [rule.userId];
    case 'users':
      return rule.userIds;
    case 'escalation_recipient': {
      const id = lookupVariable(context, 'escalation.recipient.id');
      return typeof id === 'string' ? [id] : [];
    }
  }
}

async function fallbackPeople(db: Db, projectId: string, fallback: Fallback | undefined): Promise<Person[]> {
  if (!fallback) return [];
  const id = fallback.kind === 'user' ? fallback.userId : await projectOwnerId(db, projectId);
  return activePeople(db, [id]);
}

/**
 * The active people a rule names for this project right now; the rule's fallback when it finds
 * nobody. An empty answer means the flow cannot reach anyone, which the caller must handle.
 */
export async function resolvePeople(db: Db, projectId: string, rule: PeopleRule, context: unknown): Promise<Person[]> {
  const found = await activePeople(db, [...new Set(await ruleCandidates(db, projectId, rule, context))]);
  return found.length > 0 ? found : fallbackPeople(db, projectId, rule.fallback);
}
