import type { Db } from '../connect';
import type { Updateable } from 'kysely';
import type { Milestone, NewMilestone, NewSalesProject, SalesProject, SalesProjectsTable } from '../schema';
import { insertNewLifecycle } from './project-lifecycles';

/** The project and its lifecycle row (planning, nothing scheduled) until the workflow writes it. */
export async function insertProject(db: Db, project: NewSalesProject): Promise<SalesProject> {
  const inserted = await db.insertInto('sales_projects').values(project).returningAll().executeTakeFirstOrThrow();
  await insertNewLifecycle(db, inserted.id);
  return inserted;
}

export async function insertMilestones(db: Db, milestones: NewMilestone[]): Promise<Milestone[]> {
  if (milestones.length === 0) return [];
  return db.insertInto('milestones').values(milestones).returningAll().execute();
}

export async function findProject(db: Db, id: string): Promise<SalesProject | undefined> {
  return db.selectFrom('sales_projects').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listMilestones(db: Db, projectId: string): Promise<Milestone[]> {
  return db
    .selectFrom('milestones')
    .selectAll()
    .where('projectId', '=', projectId)
    .orderBy('dueAt')
    .orderBy('id')
    .execute();
}

export async function findMilestone(db: Db, id: string): Promise<Milestone | undefined> {
  return db.selectFrom('milestones').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function recordMilestoneOutcome(
  db: Db,
  id: string,
  outcome: { status: 'met' | 'missed'; actual: string; checkedAt: Date },
): Promise<void> {
  await db
    .updateTable('milestones')
    .set({ status: outcome.status, actualValue: outcome.actual, checkedAt: outcome.checkedAt })
    .where('id', '=', id)
    .execute();
}

export async function setProjectStatus(db: Db, id: string, status: SalesProject['status']): Promise<void> {
  await db.updateTable('sales_projects').set({ status }).where('id', '=', id).execute();
}

/** The project row, for callers that already know it exists. */
export async function getProject(db: Db, id: string): Promise<SalesProject> {
  return db.selectFrom('sales_projects').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function getMilestone(db: Db, id: string): Promise<Milestone> {
  return db.selectFrom('milestones').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function setProjectPhase(db: Db, id: string, phase: SalesProject['phase']): Promise<void> {
  await db.updateTable('sales_projects').set({ phase }).where('id', '=', id).execute();
}

/** Records that the at-risk check ran, the first time only. */
export async function markMilestoneWarned(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('milestones').set({ warnedAt: at }).where('id', '=', id).where('warnedAt', 'is', null).execute();
}

/** Closes the books: from here on the plan and its results are read-only. */
export async function freezeProjectResults(db: Db, id: string, outcome: NonNullable<SalesProject['closedReason']>): Promise<void> {
  await db.updateTable('sales_projects').set({ status: 'closed', closedReason: outcome }).where('id', '=', id).execute();
}

export async function getProjectOwnerId(db: Db, id: string): Promise<string> {
  return (await db.selectFrom('sales_projects').select('ownerId').where('id', '=', id).executeTakeFirstOrThrow()).ownerId;
}

export async function setProjectHealth(db: Db, id: string, health: string, reason: string | null): Promise<void> {
  await db.updateTable('sales_projects').set({ health, healthReason: reason }).where('id', '=', id).execute();
}

/** Changes a project's basics (name, description, owner, team, and in planning its timers' settings). */
export async function updateProjectBasics(db: Db, id: string, changes: Updateable<SalesProjectsTable>): Promise<void> {
  await db.updateTable('sales_projects').set(changes).where('id', '=', id).execute();
}
