import { z } from '@hono/zod-openapi';
import { readable } from '../../workflows/domain/human-text';
import { closeOutcomes } from '../../workflows/sales-project-messages';
import { businessCalendarSchema } from '../../workflows/domain/business-calendar';
import { changeRequestFields, changeRequestSubjectKinds } from '../../workflows/domain/plan-item-states';
import { Decimal, Timestamp, Uuid } from './common';
import { MonitoringDays, ReviewEveryDays } from './projects';
import { AllocationBody } from './quota';

/** Why a change is asked for, in the requester's words. */
export const ChangeReason = readable(z.string().trim().min(1, 'must say why').max(2000), { multiline: true });

/** Nothing to say: the person submitting is the one signed in. An empty body or none. */
export const SubmitPlanBody = z.strictObject({}).openapi('SubmitPlan');

export const PlanSubmitted = z.object({ submittedBy: z.string() }).openapi('PlanSubmitted');

export const CloseProjectBody = z.strictObject({ outcome: z.enum(closeOutcomes) }).openapi('CloseProject');

export const ChangeRequestBody = z
  .discriminatedUnion('field', [
    z.strictObject({ subjectKind: z.literal('milestone'), subjectId: Uuid, field: z.literal('due_at'), after: Timestamp, reason: ChangeReason }),
    z.strictObject({ subjectKind: z.enum(['milestone', 'goal']), subjectId: Uuid, field: z.literal('target'), after: Decimal, reason: ChangeReason }),
    // The project's own timers; subjectId is the project's id.
    z.strictObject({ subjectKind: z.literal('project'), subjectId: Uuid, field: z.literal('calendar'), after: businessCalendarSchema, reason: ChangeReason }),
    z.strictObject({ subjectKind: z.literal('project'), subjectId: Uuid, field: z.literal('review_every_days'), after: ReviewEveryDays, reason: ChangeReason }),
    z.strictObject({ subjectKind: z.literal('project'), subjectId: Uuid, field: z.literal('monitoring_days'), after: MonitoringDays, reason: ChangeReason }),
    // A goal shared out among members again (once the project runs); subjectId is the goal's id.
    z.strictObject({ subjectKind: z.literal('goal'), subjectId: Uuid, field: z.literal('allocation'), after: AllocationBody, reason: ChangeReason }),
  ])
  .openapi('ChangeRequestInput');

/** What a timer is: a milestone's at-risk warning or met/missed check, the next status summary, or the end of monitoring. */
export const timerKinds = ['warning', 'due', 'review', 'monitoring_end'] as const;

export const CheckMove = z
  .object({
    milestoneId: z.string().nullable().openapi({ description: "The milestone whose check moves; null for the project's own timers (review, monitoring_end)" }),
    milestoneName: z.string().nullable(),
    kind: z.enum(timerKinds),
    from: z.string().nullable(),
    to: z.string().nullable(),
  })
  .openapi('CheckMove');

/** One member's (or team's) quota and own milestones before and after a reallocation. */
export const ReallocationSide = z
  .object({
    quota: z.string().nullable().openapi({ description: 'Their part of the goal; null when they hold none' }),
    milestones: z.array(z.object({ name: z.string(), dueAt: z.string(), target: z.string() })),
  })
  .openapi('ReallocationSide');

export const ReallocationPreview = z
  .object({
    userId: z.string().nullable(),
    teamId: z.string().nullable(),
    name: z.string(),
    before: ReallocationSide,
    after: ReallocationSide,
  })
  .openapi('ReallocationPreview');

export const ChangeRequest = z
  .object({
    id: z.string(),
    subjectKind: z.enum(changeRequestSubjectKinds),
    subjectId: z.string(),
    field: z.enum(changeRequestFields),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string(),
    requestedBy: z.string(),
    status: z.string(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    moves: z.array(CheckMove),
    /** A reallocation's preview: each holder's quota and milestone targets before and after. */
    reallocation: z.array(ReallocationPreview).optional(),
  })
  .openapi('ChangeRequest');

export type ChangeRequest = z.infer<typeof ChangeRequest>;
export type CheckMove = z.infer<typeof CheckMove>;
