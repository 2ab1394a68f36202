import type { Db } from '../connect';
import { byName } from './name-order';
import type { ProjectMemberRole } from '../../workflows/domain';

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: ProjectMemberRole;
}

export async function listProjectMembers(db: Db, projectId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('project_members as pm')
    .innerJoin('users as u', 'u.id', 'pm.userId')
    .select(['pm.userId as userId', 'u.name', 'u.email', 'pm.role'])
    .where('pm.projectId', '=', projectId)
    .orderBy(byName('u.name'))
    .orderBy('pm.userId')
    .execute();
}

/** Replaces the project's member list; call it in a transaction so readers never see half a list. */
export async function replaceProjectMembers(db: Db, projectId: string, members: { userId: string; role: ProjectMemberRole }[]): Promise<void> {
  await db.deleteFrom('project_members').where('projectId', '=', projectId).execute();
  if (members.length === 0) return;
  await db
    .insertInto('project_members')
    .values(members.map((m) => ({ projectId: projectId, userId: m.userId, role: m.role })))
    .execute();
}

export async function insertTeam(db: Db, name: string) {
  return db.insertInto('teams').values({ name }).returningAll().executeTakeFirstOrThrow();
}

export async function findTeam(db: Db, id: string) {
  return db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The team row, locked until the transaction ends so two member lists cannot interleave. */
export async function lockTeam(db: Db, id: string) {
  return db.selectFrom('teams').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findTeamByName(db: Db, name: string) {
  return db.selectFrom('teams').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function listTeams(db: Db) {
  return db.selectFrom('teams').selectAll().orderBy(byName('name')).execute();
}

export async function listTeamMembers(db: Db, teamId: string): Promise<{ userId: string; name: string; email: string }[]> {
  return db
    .selectFrom('team_members as tm')
    .innerJoin('users as u', 'u.id', 'tm.userId')
    .select(['tm.userId as userId', 'u.name', 'u.email'])
    .where('tm.teamId', '=', teamId)
    .orderBy(byName('u.name'))
    .orderBy('tm.userId')
    .execute();
}

/** Replaces the team's members; call it in a transaction. */
export async function replaceTeamMembers(db: Db, teamId: string, userIds: readonly string[]): Promise<void> {
  await db.deleteFrom('team_members').where('teamId', '=', teamId).execute();
  if (userIds.length === 0) return;
  await db.insertInto('team_members').values(userIds.map((userId) => ({ teamId: teamId, userId: userId }))).execute();
}

/**
 * Everyone who works on the project: its members (viewers excluded) and the members of the teams
 * its milestones are assigned to. These are the people allowed to report its KPIs.
 */
export async function listProjectPeople(db: Db, projectId: string): Promise<{ id: string; name: string; email: string }[]> {
  const members = db
    .selectFrom('project_members as pm')
    .innerJoin('users as u', 'u.id', 'pm.userId')
    .select(['u.id', 'u.name', 'u.email'])
    .where('pm.projectId', '=', projectId)
    .where('pm.role', '<>', 'viewer');
  const teamMembers = db
    .selectFrom('milestones as m')
    .innerJoin('team_members as tm', 'tm.teamId', 'm.teamId')
    .innerJoin('users as u', 'u.id', 'tm.userId')
    .select(['u.id', 'u.name', 'u.email'])
    .where('m.projectId', '=', projectId);
  // A union sorts by its output columns only: sorted by name's collation outside it.
  return db.selectFrom(members.union(teamMembers).as('p')).selectAll().orderBy(byName('p.name')).orderBy('p.id').execute();
}

/** Users by e-mail, compared case-insensitively; the map's keys are lower-cased. */
export async function findUserIdsByEmail(db: Db, emails: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(emails.map((email) => email.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where((eb) => eb(eb.fn('lower', ['email']), 'in', wanted))
    .execute();
  return new Map(rows.map((row) => [row.email.toLowerCase(), row.id]));
}

/** The teams with at least one active member today. */
export async function activeTeamIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('team_members').innerJoin('users', 'users.id', 'team_members.userId').select('teamId').where('users.active', '=', true).distinct().execute()).map((t) => t.teamId);
}

/** Everyone on the project's member list, whatever their role. */
export async function listProjectMemberIds(db: Db, projectId: string): Promise<string[]> {
  return (await db.selectFrom('project_members').select('userId').where('projectId', '=', projectId).execute()).map((m) => m.userId);
}

/** A team's members, by id. */
export async function listTeamMemberIds(db: Db, teamId: string): Promise<string[]> {
  return (await db.selectFrom('team_members').select('userId').where('teamId', '=', teamId).orderBy('userId').execute()).map((r) => r.userId);
}

/** The project's members who may answer and act (viewers only read). */
export async function listProjectWorkerIds(db: Db, projectId: string): Promise<string[]> {
  return (await db.selectFrom('project_members').select('userId').where('projectId', '=', projectId).where('role', '<>', 'viewer').execute()).map((m) => m.userId);
}
