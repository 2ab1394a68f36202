import type { Db } from '../connect';
import type { Milestone, MilestoneUpdate, NewMilestone, SalesProject } from '../schema';

/**
 * The project row, held (FOR SHARE) until the transaction ends: a phase change waits for the plan
 * edit that checked the phase, so an edit never lands after the plan left planning.
 */
export async function lockProject(db: Db, projectId: string): Promise<SalesProject | undefined> {
  return db.selectFrom('sales_projects').selectAll().where('id', '=', projectId).forShare().executeTakeFirst();
}

export async function insertMilestone(db: Db, milestone: NewMilestone): Promise<Milestone> {
  return db.insertInto('milestones').values(milestone).returningAll().executeTakeFirstOrThrow();
}

export async function findProjectMilestone(db: Db, projectId: string, id: string): Promise<Milestone | undefined> {
  return db.selectFrom('milestones').selectAll().where('projectId', '=', projectId).where('id', '=', id).executeTakeFirst();
}

export async function updateMilestone(db: Db, projectId: string, id: string, changes: MilestoneUpdate): Promise<Milestone | undefined> {
  return db
    .updateTable('milestones')
    .set(changes)
    .where('projectId', '=', projectId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteMilestone(db: Db, projectId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('milestones').where('projectId', '=', projectId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** A goal's milestones; `projectOnly` leaves out the members' own (their quotas' milestones). */
export async function listGoalMilestones(db: Db, goalId: string, { projectOnly = false } = {}): Promise<Milestone[]> {
  return db
    .selectFrom('milestones')
    .selectAll()
    .where('goalId', '=', goalId)
    .$if(projectOnly, (q) => q.where('memberId', 'is', null))
    .orderBy('dueAt')
    .orderBy('id')
    .execute();
}

export async function deleteGoalMilestones(db: Db, goalId: string, { projectOnly = false } = {}): Promise<number> {
  const result = await db
    .deleteFrom('milestones')
    .where('goalId', '=', goalId)
    .$if(projectOnly, (q) => q.where('memberId', 'is', null))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The KPI metrics the project's milestones are measured by. */
export async function listMilestoneMetrics(db: Db, projectId: string): Promise<string[]> {
  const rows = await db.selectFrom('milestones').select('metric').where('projectId', '=', projectId).distinct().execute();
  return rows.map((row) => row.metric);
}
