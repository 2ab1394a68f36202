import type { Db } from '../../db/connect';
import type { ApprovalRequest as ApprovalRow } from '../../db/schema';
import { flowRunStateQuery } from '../../workflows/interpreter/flow-run-messages';
import { approvalCan, requireMayDecide } from '../access/approval-access';
import { projectAccessOf } from '../access/project-access';
import type { Principal } from '../auth/principal';
import type { AppDeps } from '../deps';
import { assignedTo, decide, delegationChain, type ChainedRequest } from '../decide';
import { invalidFields, notFound } from '../errors';
import { createRouter } from '../router';
import * as routes from '../contract/routes/approvals';
import { getApprovalRequest, listApprovalsOfApprover, listApprovalsOfRun } from '../../db/queries/approvals';
import { delegableRequestIds } from '../../db/queries/delegates';
import { findFlowRunRow, namesOf } from '../../db/queries/flow-runs';
import { delegateCandidates } from '../access/delegates';
import { findUser } from '../../db/queries/users';

/** Requests as the contract answers them, with the names of whom they stand for and whether each may be handed on. */
export async function approvalDtos(db: Db, principal: Principal, rows: readonly ApprovalRow[]) {
  const delegable = await delegableRequestIds(db, rows.map((r) => r.id));
  const names = await namesOf(db, [...new Set(rows.flatMap((r) => (r.onBehalfOfId === null ? [] : [r.onBehalfOfId])))]);
  return rows.map((r) => approvalDto(principal, r, delegable.has(r.id), r.onBehalfOfId === null ? null : (names.get(r.onBehalfOfId) ?? '')));
}

const approvalDto = (principal: Principal, r: ApprovalRow, delegable: boolean, onBehalfOfName: string | null) => ({
  id: r.id,
  flowRunId: r.flowRunId,
  projectId: r.projectId,
  nodeId: r.nodeId,
  kind: r.kind,
  approverId: r.approverId,
  status: r.status,
  dueAt: r.dueAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
  decidedBy: r.decidedBy,
  comment: r.comment,
  createdAt: r.createdAt.toISOString(),
  onBehalfOf: r.onBehalfOfId === null ? null : { id: r.onBehalfOfId, name: onBehalfOfName ?? '' },
  assignmentNote: r.assignmentNote,
  can: approvalCan(principal, r, delegable),
});

const oneDto = async (db: Db, principal: Principal, id: string) => (await approvalDtos(db, principal, [await getApprovalRequest(db, id)]))[0]!;

/**
 * A request with the people it is (or was, before delegation) assigned to; 404 unless the
 * principal is one of them or may read the request's project.
 */
async function visibleChain(db: Db, principal: Principal, id: string): Promise<{ chain: ChainedRequest[]; assigned: ChainedRequest | undefined }> {
  const chain = await delegationChain(db, id);
  const assigned = assignedTo(chain, principal.userId);
  if (chain.length === 0 || (!assigned && !(await projectAccessOf(db, principal, chain[0]!.projectId)))) throw notFound('request', id);
  return { chain, assigned };
}

export function approvalsRouter({ db, temporal }: AppDeps) {
  return createRouter()
    .openapi(
      routes.getApproval,
      async (c) => {
        const { id } = c.req.valid('param');
        await visibleChain(db, c.get('principal'), id);
        return c.json(await oneDto(db, c.get('principal'), id), 200);
      },
    )
    .openapi(
      routes.listDelegateCandidates,
      async (c) => {
        const { id } = c.req.valid('param');
        const principal = c.get('principal');
        const { assigned } = await visibleChain(db, principal, id);
        requireMayDecide(principal, assigned !== undefined);
        return c.json(await delegateCandidates(db, await getApprovalRequest(db, assigned!.id)), 200);
      },
    )
    .openapi(
      routes.decideApproval,
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const principal = c.get('principal');
        const { assigned } = await visibleChain(db, principal, id);
        requireMayDecide(principal, assigned !== undefined);
        if (body.decision === 'delegate' && assigned!.status === 'pending') {
          const candidates = await delegateCandidates(db, await getApprovalRequest(db, assigned!.id));
          if (!candidates.some((p) => p.id === body.delegateTo)) {
            throw invalidFields([{ path: 'delegateTo', message: 'may not take this request: it needs someone else, active, who decides with their role and may read the project' }]);
          }
        }
        const result = await decide(db, temporal.client, { requestId: id, userId: principal.userId, ...body });
        return c.json(await oneDto(db, principal, result.requestId), 200);
      },
    );
}

export function userApprovalsRouter({ db }: AppDeps) {
  return createRouter().openapi(
    routes.listUserApprovals,
    async (c) => {
      const { id } = c.req.valid('param');
      const { status } = c.req.valid('query');
      const principal = c.get('principal');
      // Someone else's to-do list is not for others to see, not even that it exists.
      if (principal.userId !== id && principal.role !== 'admin') throw notFound('user', id);
      if (!(await findUser(db, id))) throw notFound('user', id);
      return c.json(await approvalDtos(db, principal, await listApprovalsOfApprover(db, id, status)), 200);
    },
  );
}

/** A flow run, when the principal may read its project; else 404 (the run does not exist for them). */
async function readableRun(db: Db, principal: Principal, id: string) {
  const run = await findFlowRunRow(db, id);
  if (!run || !(await projectAccessOf(db, principal, run.projectId))) throw notFound('flowRun', id);
  return run;
}

export function flowRunsRouter({ db, temporal }: AppDeps) {
  return createRouter()
    .openapi(
      routes.getFlowRun,
      async (c) => {
        const { id } = c.req.valid('param');
        const run = await readableRun(db, c.get('principal'), id);
        let live: unknown;
        try {
          live = await temporal.client.withDeadline(Date.now() + 3_000, () => temporal.client.workflow.getHandle(run.workflowId).query(flowRunStateQuery));
        } catch (error) {
          live = { unavailable: (error as Error).message };
        }
        return c.json({ id: run.id, projectId: run.projectId, flowVersionId: run.flowVersionId, triggerEvent: run.triggerEvent, status: run.status, live }, 200);
      },
    )
    .openapi(
      routes.listFlowRunApprovals,
      async (c) => {
        const { id } = c.req.valid('param');
        await readableRun(db, c.get('principal'), id);
        const rows = await listApprovalsOfRun(db, id);
        return c.json(await approvalDtos(db, c.get('principal'), rows), 200);
      },
    );
}
