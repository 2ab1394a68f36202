import type { Db } from '../connect';
import type { Milestone, NewMilestone, NewSalesProject, SalesProject } from '../schema';

export async function insertProject(db: Db, project: NewSalesProject): Promise<SalesProject> {
  return db.insertInto('sales_projects').values(project).returningAll().executeTakeFirstOrThrow();
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
