import type { Db } from '../connect';
import { sql, type Insertable } from 'kysely';
import type { ApprovalRequest, ApprovalRequestsTable } from '../schema';
import type { ApprovalRequestStatus } from '../../workflows/domain';

export async function getApprovalRequest(db: Db, id: string): Promise<ApprovalRequest> {
  return db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A person's requests, newest first (at most 200). */
export async function listApprovalsOfApprover(db: Db, approverId: string, status?: ApprovalRequestStatus): Promise<ApprovalRequest[]> {
  let query = db.selectFrom('approval_requests').selectAll().where('approverId', '=', approverId);
  if (status) query = query.where('status', '=', status);
  return query.orderBy('createdAt', 'desc').limit(200).execute();
}

/** Every request a flow run opened, oldest first (at most 1000). */
export async function listApprovalsOfRun(db: Db, flowRunId: string): Promise<ApprovalRequest[]> {
  return db.selectFrom('approval_requests').selectAll().where('flowRunId', '=', flowRunId).orderBy('createdAt').orderBy('id').limit(1000).execute();
}

/** The acknowledgement request a flow run opened for a person, optionally only while it is pending. */
export async function findAcknowledgementRequest(db: Db, input: { flowRunId: string; approverId: string; pendingOnly: boolean }): Promise<{ id: string } | undefined> {
  let query = db
    .selectFrom('approval_requests')
    .select('id')
    .where('flowRunId', '=', input.flowRunId)
    .where('approverId', '=', input.approverId)
    .where('kind', '=', 'acknowledgement');
  if (input.pendingOnly) query = query.where('status', '=', 'pending');
  return query.executeTakeFirst();
}

/** Opens a request once per `dedupeKey`; a retry finds the one it opened, with its status now. */
export async function openApprovalRequestOnce(db: Db, request: Insertable<ApprovalRequestsTable> & { dedupeKey: string }): Promise<{ id: string; status: ApprovalRequestStatus }> {
  await db
    .insertInto('approval_requests')
    .values(request)
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .execute();
  return db.selectFrom('approval_requests').select(['id', 'status']).where('dedupeKey', '=', request.dedupeKey).executeTakeFirstOrThrow();
}

/** Records a decision on a pending request; undefined when it was already decided. */
export async function decidePendingApprovalRequest(
  db: Db,
  id: string,
  decision: { status: ApprovalRequestStatus; decidedAt: Date; decidedBy: string; comment: string | null },
): Promise<ApprovalRequest | undefined> {
  return db.updateTable('approval_requests').set(decision).where('id', '=', id).where('status', '=', 'pending').returningAll().executeTakeFirst();
}

/**
 * The people a request answers for: its approver, whom they stand in for while away, and up its
 * delegation the same for each request it was handed on from (a delegated request's dedupe key
 * ends in `:delegated:<parent id>:<delegate>`, see the flow run's `decide` handler).
 */
export async function whomRequestAnswersFor(db: Db, requestId: string): Promise<string[]> {
  const result = await sql<{ approverId: string; onBehalfOfId: string | null }>`
    with recursive up(id, approver_id, on_behalf_of_id, dedupe_key, depth) as (
      select id, approver_id, on_behalf_of_id, dedupe_key, 0 from approval_requests where id = ${requestId}
      union all
      select r.id, r.approver_id, r.on_behalf_of_id, r.dedupe_key, u.depth + 1
      from up u join approval_requests r on u.dedupe_key like '%:delegated:' || r.id::text || ':%'
      where u.depth < 50
    )
    select approver_id, on_behalf_of_id from up
  `.execute(db);
  return [...new Set(result.rows.flatMap((r) => (r.onBehalfOfId === null ? [r.approverId] : [r.approverId, r.onBehalfOfId])))];
}

/** Moves the due time of requests still pending (their deadline followed a calendar change). */
export async function movePendingApprovalRequests(db: Db, ids: readonly string[], dueAt: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('approval_requests').set({ dueAt }).where('id', 'in', ids).where('status', '=', 'pending').execute();
}

/** Closes the requests of `ids` that are still pending. */
/**
 * Cancels what a finished run left pending: a request it opened and no longer waits on (its
 * workflow task run again after the request was written, and asked someone else). Answers how many.
 */
export async function cancelPendingRequestsOfRun(db: Db, flowRunId: string, at: Date): Promise<number> {
  const closed = await db
    .updateTable('approval_requests')
    .set({ status: 'cancelled', decidedAt: at })
    .where('flowRunId', '=', flowRunId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(closed.numUpdatedRows);
}

export async function closePendingApprovalRequests(db: Db, ids: readonly string[], status: 'timed_out' | 'cancelled', at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('approval_requests')
    .set({ status, decidedAt: at })
    .where('id', 'in', ids)
    .where('status', '=', 'pending')
    .execute();
}
