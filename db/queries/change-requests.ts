import type { Db } from '../connect';
import { applyReallocation } from './member-milestones';
import type { AllocationValue } from '../../workflows/domain/sales-plan/allocation-value';
import type { ChangeRequest, ChangeRequestValue } from '../schema';
import type { ChangeRequestField, ChangeRequestStatus, ChangeRequestSubjectKind } from '../../workflows/domain';

export async function insertChangeRequest(
  db: Db,
  request: {
    projectId: string;
    subjectKind: ChangeRequestSubjectKind;
    subjectId: string;
    field: ChangeRequestField;
    before: ChangeRequestValue;
    after: ChangeRequestValue;
    reason: string;
    requestedBy: string;
  },
): Promise<ChangeRequest> {
  return db
    .insertInto('change_requests')
    .values({
      projectId: request.projectId,
      subjectKind: request.subjectKind,
      subjectId: request.subjectId,
      field: request.field,
      // jsonb: the scalar is stored as JSON text ("2027-03-31T10:00:00.000Z", 1250000).
      before: JSON.stringify(request.before),
      after: JSON.stringify(request.after),
      reason: request.reason,
      requestedBy: request.requestedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findChangeRequest(db: Db, id: string): Promise<ChangeRequest | undefined> {
  return db.selectFrom('change_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listChangeRequests(
  db: Db,
  projectId: string,
  filter: { status?: ChangeRequestStatus | undefined; subjectId?: string | undefined } = {},
): Promise<ChangeRequest[]> {
  let query = db.selectFrom('change_requests').selectAll().where('projectId', '=', projectId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.subjectId) query = query.where('subjectId', '=', filter.subjectId);
  return query.orderBy('createdAt').orderBy('id').execute();
}

/**
 * Decides a pending request once: a retried or repeated decision leaves the first one in place and
 * returns the row as it is (check its status to tell).
 */
export async function setChangeRequestStatus(
  db: Db,
  id: string,
  decision: { status: Exclude<ChangeRequestStatus, 'pending'>; decidedBy: string | null; decidedAt: Date },
): Promise<ChangeRequest | undefined> {
  await db
    .updateTable('change_requests')
    .set({ status: decision.status, decidedBy: decision.decidedBy, decidedAt: decision.decidedAt })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
  return findChangeRequest(db, id);
}

export async function deleteChangeRequest(db: Db, id: string): Promise<void> {
  await db.deleteFrom('change_requests').where('id', '=', id).execute();
}

/** Records the decision on a pending request; undefined when it was already decided. */
export async function decidePendingChangeRequest(db: Db, id: string, decision: { status: 'approved' | 'rejected'; decidedAt: Date }): Promise<ChangeRequest | undefined> {
  return db.updateTable('change_requests').set(decision).where('id', '=', id).where('status', '=', 'pending').returningAll().executeTakeFirst();
}

export async function getChangeRequest(db: Db, id: string): Promise<ChangeRequest> {
  return db.selectFrom('change_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Applies an approved change to its milestone, goal or project. */
export async function applyChange(db: Db, change: Pick<ChangeRequest, 'subjectKind' | 'subjectId' | 'field'>, after: ChangeRequestValue): Promise<void> {
  if (change.subjectKind === 'project') {
    const column = { calendar: 'calendar', review_every_days: 'reviewEveryDays', monitoring_days: 'monitoringDays' } as const;
    if (change.field === 'calendar') await db.updateTable('sales_projects').set({ calendar: after === null ? null : JSON.stringify(after) }).where('id', '=', change.subjectId).execute();
    else if (change.field === 'review_every_days' || change.field === 'monitoring_days') {
      await db.updateTable('sales_projects').set({ [column[change.field]]: String(after) }).where('id', '=', change.subjectId).execute();
    }
    return;
  }
  if (change.field === 'allocation') {
    await applyReallocation(db, change.subjectId, after as AllocationValue);
    return;
  }
  if (change.subjectKind === 'milestone') {
    await db
      .updateTable('milestones')
      .set(change.field === 'due_at' ? { dueAt: String(after) } : { targetValue: String(after) })
      .where('id', '=', change.subjectId)
      .execute();
  } else {
    await db.updateTable('goals').set({ target: String(after) }).where('id', '=', change.subjectId).execute();
  }
}
