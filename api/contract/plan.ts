import { z } from '@hono/zod-openapi';
import { milestoneStatuses, milestoneTargetKinds, projectMemberRoles } from '../../workflows/domain';
import { calendarDurationSchema, decomposeTargetInputSchema, targetGranularities } from '../../workflows/domain';
import { Decimal, Timestamp, Uuid, projectItemParams, patchBodyOf, Name, Prose } from './common';

export const NonNegativeDecimal = Decimal.refine((value) => !value.startsWith('-'), { error: 'cannot be negative' });

// Domain schemas may be built before zod gains `.openapi`; `.describe` gives a copy that has it.
export const WarningOffset = calendarDurationSchema
  .describe('How long before due the at-risk check runs, e.g. { "amount": 3, "unit": "business_days" }')
  .openapi('CalendarDuration');
export const WarningThresholdPct = z
  .number({ error: 'must be a percentage from 0 to 100' })
  .min(0, { error: 'must be a percentage from 0 to 100' })
  .max(100, { error: 'must be a percentage from 0 to 100' })
  .openapi({ description: 'At risk when progress is below this % of the pro-rated target' });

export const MilestoneParams = projectItemParams('milestoneId');

const milestoneFields = {
  name: Name(200),
  /** What the milestone means for the team, in the owner's words. */
  description: Prose(2000).nullable(),
  /** Where the team shows the milestone is met ("signed contracts in the CRM"). */
  evidence: Prose(500).nullable(),
  /** The goal the milestone measures; its KPI metric becomes the milestone's. */
  goalId: Uuid.nullable(),
  /** The KPI metric, for milestones without a goal. */
  metric: Name(100),
  targetValue: NonNegativeDecimal,
  targetKind: z.enum(milestoneTargetKinds),
  /** Where the milestone's count starts; required for per-period targets. */
  periodStart: Timestamp.nullable(),
  dueAt: Timestamp,
  ownerId: Uuid,
  teamId: Uuid.nullable(),
  warningOffset: WarningOffset.nullable(),
  warningThresholdPct: WarningThresholdPct,
};

export const NewPlanMilestoneBody = z
  .strictObject({
    ...milestoneFields,
    description: milestoneFields.description.optional(),
    evidence: milestoneFields.evidence.optional(),
    goalId: milestoneFields.goalId.optional(),
    metric: milestoneFields.metric.optional(),
    targetKind: milestoneFields.targetKind.default('cumulative'),
    periodStart: milestoneFields.periodStart.optional(),
    teamId: milestoneFields.teamId.optional(),
    warningOffset: milestoneFields.warningOffset.optional(),
    warningThresholdPct: milestoneFields.warningThresholdPct.default(80),
  })
  .openapi('NewPlanMilestone');

export const MilestonePatchBody = patchBodyOf(milestoneFields).openapi('MilestonePatch');

export const PlanMilestone = z
  .object({
    id: z.string(),
    projectId: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    evidence: z.string().nullable(),
    goalId: z.string().nullable(),
    metric: z.string(),
    targetKind: z.enum(milestoneTargetKinds),
    targetValue: z.string(),
    periodStart: z.string().nullable(),
    dueAt: z.string(),
    ownerId: z.string(),
    teamId: z.string().nullable(),
    warningOffset: WarningOffset.nullable(),
    warningThresholdPct: z.number(),
    /** When the at-risk check runs: due minus the warning offset, in the project's business calendar. */
    warnAt: z.string().nullable(),
    warnedAt: z.string().nullable(),
    status: z.enum(milestoneStatuses),
    actualValue: z.string().nullable(),
    checkedAt: z.string().nullable(),
    /** A member's own milestone (their quota): only KPI figures reported as theirs count; null = the whole project's. */
    memberId: z.string().nullable(),
  })
  .openapi('PlanMilestone');

/** What a quarter and a month are when a target is split, said on the request and the answer. */
const calendarPartsRule =
  "quarter: calendar quarters (January to March, April to June, July to September, October to December); month: calendar months; both in `timeZone`, the project calendar's zone unless given. Parts are labelled 2027-Q1 or 2027-03; a goal period that starts or ends inside a month counts that month by the share it covers.";

/** How to split the goal's target: the domain's decomposition options, the total and period coming from the goal. */
const decompositionFields = decomposeTargetInputSchema.pick({ granularity: true, weights: true, scale: true }).extend({
  granularity: decomposeTargetInputSchema.shape.granularity.meta({ description: calendarPartsRule }),
  goalId: Uuid,
  timeZone: decomposeTargetInputSchema.shape.timeZone.removeDefault().optional().openapi({ description: "Default: the project calendar's zone" }),
});

export const DecompositionBody = decompositionFields.openapi('Decomposition');

// Built from the same fields, not from the registered DecompositionBody: extending that would be
// described as an allOf of two closed schemas, which no body satisfies.
export const ApplyDecompositionBody = decompositionFields.extend({
  ownerId: Uuid,
  teamId: Uuid.nullable().optional(),
  warningOffset: WarningOffset.nullable().optional(),
  warningThresholdPct: WarningThresholdPct.default(80),
  /** Replace the goal's existing milestones; without it a goal that has milestones is refused (409). */
  replace: z.boolean().default(false),
}).openapi('ApplyDecomposition');

export const DecompositionPart = z
  .object({
    label: z.string(),
    start: z.string(),
    /** Exclusive: the cumulative target is checked here. */
    end: z.string(),
    amount: z.string(),
    cumulative: z.string(),
  })
  .openapi('DecompositionPart');

export const DecompositionPreview = z
  .object({
    goalId: z.string(),
    metric: z.string(),
    total: z.string(),
    granularity: z.enum(targetGranularities).openapi({ description: calendarPartsRule }),
    timeZone: z.string().openapi({ description: 'The zone the quarters or months were cut in' }),
    scale: z.number(),
    parts: z.array(DecompositionPart),
  })
  .openapi('DecompositionPreview');

export const AppliedDecomposition = DecompositionPreview.extend({ milestones: z.array(PlanMilestone) }).openapi('AppliedDecomposition');

export const MembersBody = z
  .strictObject({
    members: z.array(z.strictObject({ userId: Uuid, role: z.enum(projectMemberRoles) })).max(1000),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.members.forEach((member, index) => {
      if (seen.has(member.userId)) ctx.addIssue({ code: 'custom', path: ['members', index, 'userId'], message: 'is listed twice' });
      seen.add(member.userId);
    });
  })
  .openapi('ProjectMembersInput');

export const ProjectMember = z
  .object({ userId: z.string(), name: z.string(), email: z.string(), role: z.enum(projectMemberRoles) })
  .openapi('ProjectMember');

export type PlanMilestone = z.infer<typeof PlanMilestone>;
export type DecompositionPreview = z.infer<typeof DecompositionPreview>;
