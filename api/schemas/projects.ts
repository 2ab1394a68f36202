import { z } from '@hono/zod-openapi';
import { lifecyclePhases } from '../../workflows/sales-project-messages';
import { Decimal, Timestamp, Uuid } from './common';

export const NewMilestoneBody = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    dueAt: Timestamp,
    metric: z.string().trim().min(1, 'must not be empty').max(100),
    targetValue: Decimal,
    ownerId: Uuid,
  })
  .openapi('NewMilestone');

export const NewProjectBody = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    ownerId: Uuid,
    periodStart: Timestamp,
    periodEnd: Timestamp,
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
    health: z.string().nullable(),
    milestones: z.array(Milestone),
  })
  .openapi('Project');

export const ProjectDetail = Project.extend({
  lifecycle: Lifecycle,
  escalations: z.array(Escalation),
}).openapi('ProjectDetail');

export const NewKpiReportBody = z
  .strictObject({
    metric: z.string().trim().min(1, 'must not be empty').max(100),
    value: Decimal,
    reportedAt: Timestamp.optional(),
    reporterId: Uuid,
  })
  .openapi('NewKpiReport');

export const KpiReport = z
  .object({ id: z.string(), metric: z.string(), value: z.string(), reportedAt: z.string(), reporterId: z.string() })
  .openapi('KpiReport');
