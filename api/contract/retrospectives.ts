import { z } from '@hono/zod-openapi';
import { Uuid, errorResponses } from './common';

const answer = z.string().trim().min(1, 'must not be empty').max(5000);

export const RetrospectiveInputBody = z
  .strictObject({
    wentWell: answer,
    toImprove: answer,
    actionItems: z.array(z.string().trim().min(1, 'must not be empty').max(500)).max(20),
  })
  .openapi('RetrospectiveInputBody');

/** Nothing to say: the person finalizing is the one signed in. An empty body or none. */
export const FinalizeBody = z.strictObject({}).openapi('FinalizeRetrospective');

export const ActionItemsToTasksBody = z
  .strictObject({
    followUpProjectId: Uuid,
    items: z.array(z.strictObject({ title: z.string().trim().min(1).max(200), assigneeId: Uuid.optional() })).min(1).max(50),
  })
  .openapi('ActionItemsToTasks');

export const RetrospectiveInput = z
  .object({ id: z.string(), userId: z.string(), name: z.string(), wentWell: z.string(), toImprove: z.string(), actionItems: z.array(z.string()), late: z.boolean(), submittedAt: z.string() })
  .openapi('RetrospectiveInput');

export const Retrospective = z
  .object({
    id: z.string(),
    projectId: z.string(),
    status: z.enum(['collecting', 'finalized']),
    inputDueAt: z.string(),
    hardDeadlineAt: z.string(),
    finalizedAt: z.string().nullable(),
    report: z.unknown().openapi({ description: 'Goal attainment, milestones, escalations, approvals, change requests, risks, budget, members, timeline' }),
    inputs: z.array(RetrospectiveInput),
  })
  .openapi('Retrospective');

/** An export answers the document itself; refusals are JSON like everywhere else. */
export const retrospectiveExportResponses = (type: 'text/markdown' | 'text/html') =>
  ({ 200: { description: 'The document', content: { [type]: { schema: z.string() } } }, ...errorResponses }) as const;
