import { createRoute } from '@hono/zod-openapi';
import type { ApprovalRequest as ApprovalRow } from '../../db/schema';
import type { AppDeps } from '../deps';
import { decide } from '../decide';
import { notFound } from '../errors';
import { createRouter } from '../router';
import { IdParam, errorResponses } from '../schemas/common';
import { ApprovalRequest, ApprovalsQuery, DecisionBody, FlowRunState } from '../schemas/approvals';
import { flowRunStateQuery } from '../../workflows/interpreter/flow-run-messages';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const conflict = { description: 'Already decided, or refused by the flow', content: errorResponses[400].content };

export const approvalDto = (r: ApprovalRow) => ({
  id: r.id,
  flowRunId: r.flow_run_id,
  projectId: r.project_id,
  nodeId: r.node_id,
  kind: r.kind,
  approverId: r.approver_id,
  status: r.status,
  dueAt: r.due_at.toISOString(),
  decidedAt: r.decided_at?.toISOString() ?? null,
  decidedBy: r.decided_by,
  comment: r.comment,
  createdAt: r.created_at.toISOString(),
});

export function approvalsRouter({ db, temporal }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({ method: 'get', path: '/{id}', tags: ['approvals'], summary: 'One approval or acknowledgement request', request: { params: IdParam }, responses: { 200: { description: 'The request', content: json(ApprovalRequest) }, ...errorResponses } }),
      async (c) => {
        const { id } = c.req.valid('param');
        const row = await db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) throw notFound('Request', id);
        return c.json(approvalDto(row), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/decision',
        tags: ['approvals'],
        summary: 'Approve, reject, acknowledge or delegate (the assigned person only)',
        request: { params: IdParam, body: { content: json(DecisionBody), required: true } },
        responses: {
          200: { description: 'Decided', content: json(ApprovalRequest) },
          403: { description: 'Not the assigned person', content: errorResponses[400].content },
          409: conflict,
          ...errorResponses,
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        await decide(db, temporal.client, { requestId: id, ...body });
        const row = await db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        return c.json(approvalDto(row), 200);
      },
    );
}

export function userApprovalsRouter({ db }: AppDeps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/{id}/approvals',
      tags: ['approvals'],
      summary: 'Requests assigned to a person, newest first',
      request: { params: IdParam, query: ApprovalsQuery },
      responses: { 200: { description: 'Requests', content: json(ApprovalRequest.array()) }, ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { status } = c.req.valid('query');
      if (!(await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst())) throw notFound('User', id);
      let query = db.selectFrom('approval_requests').selectAll().where('approver_id', '=', id);
      if (status) query = query.where('status', '=', status);
      return c.json((await query.orderBy('created_at', 'desc').limit(200).execute()).map(approvalDto), 200);
    },
  );
}

export function flowRunsRouter({ db, temporal }: AppDeps) {
  return createRouter().openapi(
    createRoute({ method: 'get', path: '/{id}', tags: ['flows'], summary: 'A flow run and its live state', request: { params: IdParam }, responses: { 200: { description: 'The run', content: json(FlowRunState) }, ...errorResponses } }),
    async (c) => {
      const { id } = c.req.valid('param');
      const run = await db.selectFrom('flow_runs').selectAll().where('id', '=', id).executeTakeFirst();
      if (!run) throw notFound('Flow run', id);
      let live: unknown;
      try {
        live = await temporal.client.withDeadline(Date.now() + 3_000, () => temporal.client.workflow.getHandle(run.workflow_id).query(flowRunStateQuery));
      } catch (error) {
        live = { unavailable: (error as Error).message };
      }
      return c.json({ id: run.id, projectId: run.project_id, flowVersionId: run.flow_version_id, triggerEvent: run.trigger_event, status: run.status, live }, 200);
    },
  );
}
