import type { Db } from '../connect';
import type { ApprovalRequest } from '../schema';
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
