import { z } from '@hono/zod-openapi';
import { approvalRequestKinds, approvalRequestStatuses } from '../../workflows/domain';
import { decisions } from '../../workflows/interpreter/flow-run-messages';
import { ApprovalCan } from './can';
import { Uuid, Prose } from './common';

export const DecisionBody = z
  .strictObject({
    decision: z.enum(decisions),
    comment: Prose(2000).optional(),
    delegateTo: Uuid.optional().openapi({ description: 'For decision "delegate": who takes it over' }),
  })
  .superRefine((body, ctx) => {
    if (body.decision === 'delegate' && !body.delegateTo) ctx.addIssue({ code: 'custom', path: ['delegateTo'], message: 'is required to delegate' });
    if (body.decision === 'reject' && !body.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'a rejection needs a reason' });
    if (body.decision === 'delegate' && !body.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'handing a request on needs a reason' });
  })
  .openapi('Decision');

export const ApprovalRequest = z
  .object({
    id: z.string(),
    flowRunId: z.string(),
    projectId: z.string(),
    nodeId: z.string(),
    kind: z.enum(approvalRequestKinds),
    approverId: z.string(),
    status: z.enum(approvalRequestStatuses),
    dueAt: z.string(),
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    comment: z.string().nullable(),
    createdAt: z.string(),
    onBehalfOf: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: 'Whom the approver stands in for: the person it was for was absent when it arrived' }),
    assignmentNote: z.string().nullable().openapi({ description: 'Why it went to whom it did, as the run history says it (“assigned to … on behalf of …”)' }),
    can: ApprovalCan,
  })
  .openapi('ApprovalRequest');

export const ApprovalsQuery = z.strictObject({ status: z.enum(approvalRequestStatuses).optional() });

export const FlowRunState = z
  .object({
    id: z.string(),
    projectId: z.string(),
    flowVersionId: z.string(),
    triggerEvent: z.string(),
    status: z.string(),
    live: z.unknown().openapi({ description: 'Current node(s), path taken, what it waits for and until when' }),
  })
  .openapi('FlowRun');

export const DelegateCandidate = z.object({ id: z.string(), name: z.string() }).openapi('DelegateCandidate');

export type ApprovalRequest = z.infer<typeof ApprovalRequest>;
export type DelegateCandidate = z.infer<typeof DelegateCandidate>;
