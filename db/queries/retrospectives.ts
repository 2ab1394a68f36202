import type { Db } from '../connect';
import type { Retrospective } from '../schema';

export async function findRetrospective(db: Db, where: { id?: string; projectId?: string }): Promise<Retrospective | undefined> {
  let query = db.selectFrom('retrospectives').selectAll();
  if (where.id) query = query.where('id', '=', where.id);
  if (where.projectId) query = query.where('projectId', '=', where.projectId);
  return query.executeTakeFirst();
}

/** The team's answers with each person's name, in the order they came. */
export async function listRetrospectiveInputs(db: Db, retrospectiveId: string) {
  return db
    .selectFrom('retrospective_inputs as i')
    .innerJoin('users as u', 'u.id', 'i.userId')
    .select(['i.id', 'i.userId', 'u.name', 'i.wentWell', 'i.toImprove', 'i.actionItems', 'i.late', 'i.submittedAt'])
    .where('i.retrospectiveId', '=', retrospectiveId)
    .orderBy('i.submittedAt')
    .execute();
}

/** One answer per person; answering again replaces the earlier one. */
export async function upsertRetrospectiveInput(
  db: Db,
  key: { retrospectiveId: string; userId: string },
  values: { wentWell: string; toImprove: string; actionItems: string; late: boolean; submittedAt: Date },
) {
  return db
    .insertInto('retrospective_inputs')
    .values({ ...key, ...values })
    .onConflict((oc) => oc.columns(['retrospectiveId', 'userId']).doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}
