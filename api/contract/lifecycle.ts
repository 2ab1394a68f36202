import { z } from '@hono/zod-openapi';
import { readable } from '../../workflows/domain/human-text';
import { closeOutcomes } from '../../workflows/sales-project-messages';
import { Decimal, Timestamp, Uuid } from './common';

/** Nothing to say: the person submitting is the one signed in. An empty body or none. */
/** Why a change is asked for, in the requester's words. */
const reason = readable(z.string().trim().min(1, 'must say why').max(2000), { multiline: true });

export const SubmitPlanBody = z.strictObject({}).openapi('SubmitPlan');

export const PlanSubmitted = z.object({ submittedBy: z.string() }).openapi('PlanSubmitted');

export const CloseProjectBody = z.strictObject({ outcome: z.enum(closeOutcomes) }).openapi('CloseProject');

export const ChangeRequestBody = z
  .discriminatedUnion('field', [
    z.strictObject({ subjectKind: z.literal('milestone'), subjectId: Uuid, field: z.literal('due_at'), after: Timestamp, reason }),
    z.strictObject({ subjectKind: z.enum(['milestone', 'goal']), subjectId: Uuid, field: z.literal('target'), after: Decimal, reason }),
  ])
  .openapi('ChangeRequestInput');

export const CheckMove = z
  .object({ milestoneId: z.string(), milestoneName: z.string(), kind: z.enum(['warning', 'due']), from: z.string().nullable(), to: z.string().nullable() })
  .openapi('CheckMove');

export const ChangeRequest = z
  .object({
    id: z.string(),
    subjectKind: z.string(),
    subjectId: z.string(),
    field: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string(),
    requestedBy: z.string(),
    status: z.string(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    moves: z.array(CheckMove),
  })
  .openapi('ChangeRequest');

export type ChangeRequest = z.infer<typeof ChangeRequest>;
