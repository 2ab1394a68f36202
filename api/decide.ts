import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { sql } from 'kysely';
import { currentActor } from '../db/actor';
import type { Db } from '../db/connect';
import type { ApprovalRequestStatus } from '../workflows/domain';
import { decideUpdate, type Decision, type DecisionResult } from '../workflows/interpreter/flow-run-messages';
import { ApiError, notFound, said } from './errors';

/** One request of a delegation chain: the request asked for, then each one it was handed on to. */
export interface ChainedRequest {
  id: string;
  approverId: string;
  status: ApprovalRequestStatus;
  projectId: string;
  workflowId: string;
}

/**
 * A request and, when it was delegated, the requests it was handed on to, in order; empty when
 * it does not exist. A delegated request's dedupe key ends in `:delegated:<its parent's id>:<delegate>`
 * (see the flow run's `decide` handler), which is how a child finds its parent.
 */
export async function delegationChain(db: Db, requestId: string): Promise<ChainedRequest[]> {
  const result = await sql<{ id: string; approverId: string; status: ApprovalRequestStatus; projectId: string; workflowId: string }>`
    with recursive chain(id, approver_id, status, project_id, flow_run_id, depth) as (
      select id, approver_id, status, project_id, flow_run_id, 0 from approval_requests where id = ${requestId}
      union all
      select r.id, r.approver_id, r.status, r.project_id, r.flow_run_id, c.depth + 1
      from chain c
      join approval_requests r on r.flow_run_id = c.flow_run_id and r.dedupe_key like '%:delegated:' || c.id::text || ':%'
      where c.status = 'delegated' and c.depth < 50
    )
    select c.id, c.approver_id, c.status, c.project_id, f.workflow_id
    from chain c join flow_runs f on f.id = c.flow_run_id
    order by c.depth
  `.execute(db);
  return result.rows.map((r) => ({ id: r.id, approverId: r.approverId, status: r.status, projectId: r.projectId, workflowId: r.workflowId }));
}

/** The latest request of the chain assigned to this person, if any: what they would decide. */
export const assignedTo = (chain: ChainedRequest[], userId: string): ChainedRequest | undefined => chain.findLast((request) => request.approverId === userId);

/**
 * Sends a person's decision to the flow run that owns the request. `userId` is the person deciding
 * (the signed-in principal, or the person an e-mailed decision link was made for); callers check
 * whether that person may see the request first. A delegate may decide through the original
 * request (its e-mail, its page): the decision lands on the request they were handed. The run
 * checks it too; the checks here only give clearer answers (403 wrong person, 409 closed request).
 */
export async function decide(db: Db, client: Client, decision: Decision): Promise<DecisionResult> {
  const chain = await delegationChain(db, decision.requestId);
  if (chain.length === 0) throw notFound('request', decision.requestId);
  const request = assignedTo(chain, decision.userId);
  if (!request) throw new ApiError(403, 'forbidden', said('onlyAssignee'));
  if (request.status !== 'pending') throw new ApiError(409, 'not_pending', said('notPending', { status: said(`requestStatus.${request.status}`) }));
  try {
    // The worker records the decision as this person; `via` tells the audit trail how they reached us.
    const actor = currentActor();
    const via = actor && 'userId' in actor && actor.userId === decision.userId ? actor.detail : undefined;
    return await client.workflow.getHandle(request.workflowId).executeUpdate(decideUpdate, { args: [{ ...decision, requestId: request.id, ...(via ? { via } : {}) }] });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      throw new ApiError(409, 'refused', said('decisionRefused', { reason: error.cause?.message ?? error.message }));
    }
    throw error;
  }
}
