import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { Db } from '../db/connect';
import { decideUpdate, type Decision } from '../workflows/interpreter/flow-run-messages';
import { ApiError, notFound } from './errors';

/**
 * Sends a person's decision to the flow run that owns the request. The run checks it too; the
 * checks here only give clearer answers (403 for the wrong person, 409 for a closed request).
 */
export async function decide(db: Db, client: Client, decision: Decision) {
  const request = await db
    .selectFrom('approval_requests as r')
    .innerJoin('flow_runs as f', 'f.id', 'r.flow_run_id')
    .select(['r.id', 'r.approver_id', 'r.status', 'f.workflow_id'])
    .where('r.id', '=', decision.requestId)
    .executeTakeFirst();
  if (!request) throw notFound('Request', decision.requestId);
  if (request.approver_id !== decision.userId) throw new ApiError(403, 'not_assignee', 'Only the person this request is assigned to can decide it.');
  if (request.status !== 'pending') throw new ApiError(409, 'not_pending', `This request is already ${request.status.replace('_', ' ')}.`);
  try {
    return await client.workflow.getHandle(request.workflow_id).executeUpdate(decideUpdate, { args: [decision] });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      throw new ApiError(409, 'refused', `The decision was refused: ${error.cause?.message ?? error.message}`);
    }
    throw error;
  }
}
