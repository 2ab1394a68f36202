import type { Db } from '../connect';

// What a flow run's starting variables are read from (activities/flow/flow-context.ts).

export async function getProjectWithOwner(db: Db, projectId: string) {
  return db
    .selectFrom('sales_projects as p')
    .innerJoin('users as o', 'o.id', 'p.ownerId')
    .select(['p.id', 'p.name', 'p.periodStart', 'p.periodEnd', 'o.id as ownerId', 'o.name as ownerName', 'o.email as ownerEmail'])
    .where('p.id', '=', projectId)
    .executeTakeFirstOrThrow();
}

export async function getMilestoneWithOwner(db: Db, milestoneId: string) {
  return db
    .selectFrom('milestones as m')
    .innerJoin('users as u', 'u.id', 'm.ownerId')
    .leftJoin('users as member', 'member.id', 'm.memberId')
    .select(['m.id', 'm.name', 'm.metric', 'm.targetValue', 'm.dueAt', 'm.projectId', 'u.id as ownerId', 'u.name as ownerName', 'member.id as memberId', 'member.name as memberName'])
    .where('m.id', '=', milestoneId)
    .executeTakeFirstOrThrow();
}

/** How many goals or milestones the project has. */
export async function countOfProject(db: Db, table: 'goals' | 'milestones', projectId: string): Promise<number> {
  return Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('projectId', '=', projectId).executeTakeFirstOrThrow()).n);
}

/** What a change request is about, by name: the milestone's name, or the goal's custom name or metric. */
export async function findChangeSubjectName(db: Db, subject: { subjectKind: string; subjectId: string }): Promise<string | undefined> {
  const row =
    subject.subjectKind === 'milestone'
      ? await db.selectFrom('milestones').select('name').where('id', '=', subject.subjectId).executeTakeFirst()
      : subject.subjectKind === 'project'
      ? await db.selectFrom('sales_projects').select('name').where('id', '=', subject.subjectId).executeTakeFirst()
      : await db.selectFrom('goals').select((eb) => eb.fn.coalesce('customName', 'metric').as('name')).where('id', '=', subject.subjectId).executeTakeFirst();
  return row?.name;
}
