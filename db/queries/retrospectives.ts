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

/** Creates the project's one retrospective unless it exists. */
export async function insertRetrospectiveOnce(db: Db, retrospective: { projectId: string; report: string; inputDueAt: Date; hardDeadlineAt: Date }): Promise<void> {
  await db.insertInto('retrospectives').values(retrospective).onConflict((oc) => oc.column('projectId').doNothing()).execute();
}

export async function getRetrospectiveOfProject(db: Db, projectId: string): Promise<Retrospective> {
  return db.selectFrom('retrospectives').selectAll().where('projectId', '=', projectId).executeTakeFirstOrThrow();
}

/** Who has answered so far. */
export async function listRetrospectiveRespondents(db: Db, retrospectiveId: string): Promise<string[]> {
  return (await db.selectFrom('retrospective_inputs').select('userId').where('retrospectiveId', '=', retrospectiveId).execute()).map((r) => r.userId);
}

/** Freezes the report; a finalized review stays as it is. */
export async function finalizeCollectingRetrospective(db: Db, id: string, final: { finalizedAt: Date; finalizedBy: string | null; report: string }): Promise<void> {
  await db
    .updateTable('retrospectives')
    .set({ status: 'finalized', ...final })
    .where('id', '=', id)
    .where('status', '=', 'collecting')
    .execute();
}

/** What a closing review is compiled from, besides goals and milestones: all of the project's records in time order. */
export async function loadProjectRecords(db: Db, projectId: string) {
  return {
    escalations: await db.selectFrom('escalations').selectAll().where('projectId', '=', projectId).orderBy('createdAt').orderBy('level').execute(),
    approvals: await db.selectFrom('approval_requests').selectAll().where('projectId', '=', projectId).where('kind', '=', 'approval').orderBy('createdAt').execute(),
    changes: await db.selectFrom('change_requests').selectAll().where('projectId', '=', projectId).orderBy('createdAt').execute(),
    risks: await db.selectFrom('risks').selectAll().where('projectId', '=', projectId).orderBy('createdAt').execute(),
    budget: await db.selectFrom('budget_lines').selectAll().where('projectId', '=', projectId).orderBy('category').execute(),
    events: await db.selectFrom('project_events').selectAll().where('projectId', '=', projectId).orderBy('at').execute(),
    reports: await db.selectFrom('kpi_reports').select(['reporterId', 'metric', 'value', 'reportedAt']).where('projectId', '=', projectId).execute(),
  };
}
