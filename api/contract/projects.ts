import { z } from '@hono/zod-openapi';
import { lifecyclePhases } from '../../workflows/sales-project-messages';
import { ProjectCan } from './can';
import { ragStatuses } from '../../workflows/domain/attainment';
import { businessCalendarSchema } from '../../workflows/domain/business-calendar';
import { kpiValueProblem } from '../../workflows/domain/smart-goal';
import { Decimal, Name, QueryInteger, Timestamp, Uuid } from './common';
import { kpiCountsRule } from './goals';
import { ListCursor } from './list-cursor';
import { NewPlanMilestoneBody } from './plan';

/** What the signed-in person may do with a project, each level including the ones before it (see api/access/project-access.ts). */
export const projectAccessLevels = ['read', 'work', 'plan'] as const;
export type ProjectAccess = (typeof projectAccessLevels)[number];

/**
 * A milestone given with a new project: the plan's new-milestone body with the same rules (a
 * target that is not negative, a warning that fits the calendar), less the goal, which a project
 * does not have yet, so the metric is required.
 */
export const NewMilestoneBody = NewPlanMilestoneBody.omit({ goalId: true })
  .extend({ metric: NewPlanMilestoneBody.shape.metric.unwrap() })
  .openapi('NewMilestone');

/** Status summaries to owner and team; fractions of a day are allowed (e.g. 0.5). */
export const ReviewEveryDays = z.number().positive().max(366);
/** The window after the period for late KPI reports and open escalations. */
export const MonitoringDays = z.number().min(0).max(366);

export const NewProjectBody = z
  .strictObject({
    name: Name(200),
    ownerId: Uuid,
    periodStart: Timestamp,
    periodEnd: Timestamp,
    reviewEveryDays: ReviewEveryDays.optional(),
    monitoringDays: MonitoringDays.optional(),
    calendar: businessCalendarSchema.optional(),
    /** Closing review timing: answers due, reminder that many days before, hard close. */
    retroInputDays: z.number().positive().max(60).optional(),
    retroReminderDays: z.number().min(0).max(60).optional(),
    retroHardDeadlineDays: z.number().positive().max(120).optional(),
    milestones: z.array(NewMilestoneBody).max(500).default([]),
  })
  .superRefine((project, ctx) => {
    const start = Date.parse(project.periodStart);
    const end = Date.parse(project.periodEnd);
    if (end <= start) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'must be after periodStart' });
    project.milestones.forEach((m, i) => {
      const due = Date.parse(m.dueAt);
      if (due < start || due > end) {
        ctx.addIssue({ code: 'custom', path: ['milestones', i, 'dueAt'], message: 'must fall within the project period' });
      }
    });
  })
  .openapi('NewProject');

export const Milestone = z
  .object({
    id: z.string(),
    name: z.string(),
    dueAt: z.string(),
    metric: z.string(),
    targetValue: z.string(),
    ownerId: z.string(),
    status: z.enum(['pending', 'met', 'missed']),
    actualValue: z.string().nullable(),
    checkedAt: z.string().nullable(),
  })
  .openapi('Milestone');

export const Lifecycle = z
  .object({
    phase: z.enum(lifecyclePhases).nullable(),
    nextChecks: z.array(z.object({ milestoneId: z.string(), kind: z.string(), at: z.string() })),
    runningFlows: z.array(z.object({ workflowId: z.string(), event: z.string(), subjectId: z.string() })),
    planRejection: z.string().nullable().optional(),
    planSubmitted: z.boolean().optional(),
    outcome: z.string().nullable().optional(),
    nextReviewAt: z.string().nullable().optional().openapi({ description: 'When the next status summary goes out, while the project is in execution' }),
    /** Set when the workflow could not be asked (Temporal unreachable). */
    unavailable: z.string().optional(),
  })
  .openapi('Lifecycle');

export const Escalation = z
  .object({
    id: z.string(),
    milestoneId: z.string(),
    level: z.number(),
    recipientId: z.string(),
    standInId: z.string().nullable().openapi({ description: 'Who answers it for the recipient while they are away (the deputy their open request went to); null when nobody does' }),
    createdAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
  })
  .openapi('Escalation');

export const Project = z
  .object({
    id: z.string(),
    name: z.string(),
    ownerId: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    status: z.enum(['active', 'closed']),
    phase: z.enum(lifecyclePhases),
    health: z.string().nullable().openapi({ description: 'on_track, at_risk or off_track, as a flow step last set it' }),
    healthReason: z.string().nullable().openapi({ description: 'Why, as the flow step that set the health said' }),
    closedReason: z.string().nullable(),
    milestones: z.array(Milestone),
  })
  .openapi('Project');

/** A project's basics as they are now (the calendar with its defaults filled in). */
export const ProjectBasics = z
  .object({
    name: z.string(),
    description: z.string().nullable(),
    ownerId: z.string(),
    teamId: z.string().nullable(),
    calendar: businessCalendarSchema,
    reviewEveryDays: z.number(),
    monitoringDays: z.number(),
  })
  .openapi('ProjectBasics');

export const ProjectDetail = Project.extend({
  basics: ProjectBasics,
  lifecycle: Lifecycle,
  escalations: z.array(Escalation),
  access: z.enum(projectAccessLevels).openapi({ description: 'What you may do with it: read; work (KPIs, tasks, review answers); plan (the plan and its lifecycle)' }),
  can: ProjectCan,
}).openapi('ProjectDetail');

export const NewKpiReportBody = z
  .strictObject({
    metric: Name(100).openapi({ description: kpiCountsRule }),
    value: Decimal.openapi({ description: 'A rate (market_share, repurchase_rate, call_connection_rate) is from 0 to 100; new_customers and customer_satisfaction are not negative; revenue may be (a refund)' }),
    reportedAt: Timestamp.optional(),
  })
  .superRefine((report, ctx) => {
    const problem = kpiValueProblem(report.metric, report.value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: problem, input: report.value });
  })
  .openapi('NewKpiReport');

export const KpiReport = z
  .object({ id: z.string(), metric: z.string(), value: z.string(), reportedAt: z.string(), reporterId: z.string() })
  .openapi('KpiReport');

/** The most projects one page of the list holds. */
export const maxProjectPage = 200;

/** The list is newest first; each page ends where the next one starts (keyset pagination). */
export const ProjectListQuery = z.strictObject({
  phase: z.enum(lifecyclePhases).optional(),
  ownerId: Uuid.optional(),
  status: z.enum(ragStatuses).optional().openapi({ description: 'RAG status of the first goal' }),
  q: z.string().trim().max(200).optional().openapi({ description: 'Part of the project name' }),
  limit: QueryInteger(1).max(maxProjectPage, `must be at most ${maxProjectPage}`).default(50).openapi({ description: `Projects a page, at most ${maxProjectPage}` }),
  cursor: ListCursor.optional().openapi({ description: 'The `nextCursor` of the page before, unchanged; without it, the first page' }),
});

export const ProjectListItem = z
  .object({
    id: z.string(),
    name: z.string(),
    phase: z.enum(lifecyclePhases),
    ownerId: z.string(),
    ownerName: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    attainmentPct: z.number().nullable(),
    status: z.enum(ragStatuses).nullable(),
    openEscalations: z.number(),
  })
  .openapi('ProjectListItem');

export const ProjectList = z
  .object({
    items: z.array(ProjectListItem),
    nextCursor: z.string().nullable().openapi({ description: 'Pass it as `cursor` for the next page; null on the last page' }),
  })
  .openapi('ProjectList');

export type Milestone = z.infer<typeof Milestone>;
export type Escalation = z.infer<typeof Escalation>;
export type Project = z.infer<typeof Project>;
export type ProjectDetail = z.infer<typeof ProjectDetail>;
export type ProjectBasics = z.infer<typeof ProjectBasics>;
export type KpiReport = z.infer<typeof KpiReport>;
export type ProjectListItem = z.infer<typeof ProjectListItem>;
export type ProjectList = z.infer<typeof ProjectList>;
