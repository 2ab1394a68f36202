import { z } from 'zod';
import { ragStatuses } from '../../../workflows/domain/attainment';
import { goalDirections, goalMetrics } from '../../../workflows/domain/smart-goal';
import { calendarDurationSchema } from '../../../workflows/domain/duration';
import type { RetrospectiveReport } from '../../../workflows/domain/retrospective-report';
import { ApprovalCan, ProjectCan, SessionCan } from '../../../api/contract/can';
import { accessRoleSchema, userSchema } from '../api/schemas';
import { isPhase, type LifecyclePhase } from './phases';

/**
 * The parts of the API's answers the project pages read, checked on arrival (as `api/schemas.ts`
 * does for the flow pages): a changed API shows up as one clear error, not as `undefined` deep in
 * a chart. Objects are loose, so fields the API adds later do not break the page.
 */

const phase = z.custom<LifecyclePhase>(isPhase, { message: 'an unknown lifecycle phase' });
const rag = z.enum(ragStatuses);

export const projectListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  phase,
  ownerId: z.string(),
  ownerName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  attainmentPct: z.number().nullable(),
  status: rag.nullable(),
  openEscalations: z.number(),
});
export type ProjectListItem = z.infer<typeof projectListItemSchema>;
export const projectListSchema = z.object({ total: z.number(), items: z.array(projectListItemSchema) });
export type ProjectList = z.infer<typeof projectListSchema>;

export const escalationSchema = z.object({
  id: z.string(),
  milestoneId: z.string(),
  level: z.number(),
  recipientId: z.string(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});
export type Escalation = z.infer<typeof escalationSchema>;

export const projectMilestoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  dueAt: z.string(),
  metric: z.string(),
  targetValue: z.string(),
  ownerId: z.string(),
  status: z.enum(['pending', 'met', 'missed']),
  actualValue: z.string().nullable(),
  checkedAt: z.string().nullable(),
});

export const projectSchema = z.object({
  id: z.string(),
  name: z.string(),
  ownerId: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.string(),
  phase,
  closedReason: z.string().nullable(),
  milestones: z.array(projectMilestoneSchema),
});

/** What the signed-in person may do with a project: read it, work on it (KPIs, tasks, review), or plan and drive it. */
export const projectAccessLevels = ['read', 'work', 'plan'] as const;
export type ProjectAccess = (typeof projectAccessLevels)[number];

export const projectDetailSchema = projectSchema.extend({
  access: z.enum(projectAccessLevels).optional(),
  /** What the signed-in person may do with it, as the API decides: the page offers exactly these. */
  can: ProjectCan,
  escalations: z.array(escalationSchema),
  lifecycle: z.object({
    phase: phase.nullable(),
    nextChecks: z.array(z.object({ milestoneId: z.string(), kind: z.string(), at: z.string() })),
    runningFlows: z.array(z.object({ workflowId: z.string(), event: z.string(), subjectId: z.string() })),
    planRejection: z.string().nullable().optional(),
    planSubmitted: z.boolean().optional(),
    outcome: z.string().nullable().optional(),
    unavailable: z.string().optional(),
  }),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

export const goalSchema = z.object({
  id: z.string(),
  metric: z.enum(goalMetrics),
  customMetricName: z.string().nullable(),
  kpiMetric: z.string(),
  unit: z.string(),
  direction: z.enum(goalDirections),
  baseline: z.number().nullable(),
  target: z.number(),
  period: z.object({ start: z.string(), end: z.string() }),
});
export type Goal = z.infer<typeof goalSchema>;

export const planMilestoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  goalId: z.string().nullable(),
  metric: z.string(),
  targetKind: z.string(),
  targetValue: z.string(),
  dueAt: z.string(),
  ownerId: z.string(),
  warningOffset: calendarDurationSchema.nullable(),
  warningThresholdPct: z.number(),
  warnAt: z.string().nullable(),
  status: z.enum(['pending', 'met', 'missed']),
});
export type PlanMilestone = z.infer<typeof planMilestoneSchema>;

export const decompositionPreviewSchema = z.object({
  goalId: z.string(),
  metric: z.string(),
  total: z.string(),
  granularity: z.enum(['quarter', 'month']),
  timeZone: z.string(),
  scale: z.number(),
  parts: z.array(z.object({ label: z.string(), start: z.string(), end: z.string(), amount: z.string(), cumulative: z.string() })),
});
export type DecompositionPreview = z.infer<typeof decompositionPreviewSchema>;

export const taskStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const taskSchema = z.object({
  id: z.string(),
  title: z.string(),
  assigneeId: z.string().nullable(),
  dueAt: z.string().nullable(),
  milestoneId: z.string().nullable(),
  status: z.enum(taskStatuses),
});
export type Task = z.infer<typeof taskSchema>;

const spending = {
  planned: z.string(),
  spent: z.string(),
  remaining: z.string(),
  spentPct: z.number().nullable(),
  overspent: z.boolean(),
};
export const budgetSchema = z.object({
  lines: z.array(z.object({ id: z.string(), category: z.string(), ...spending })),
  totals: z.object({ ...spending, lines: z.number() }),
});
export type Budget = z.infer<typeof budgetSchema>;

export const riskStatuses = ['open', 'mitigated', 'materialised', 'closed'] as const;
export const riskSchema = z.object({
  id: z.string(),
  title: z.string(),
  probability: z.number(),
  impact: z.number(),
  score: z.number(),
  ownerId: z.string().nullable(),
  mitigation: z.string().nullable(),
  status: z.enum(riskStatuses),
  earlyWarning: z.object({ metric: z.string(), direction: z.enum(['above', 'below']), threshold: z.number() }).nullable(),
  raisedAt: z.string().nullable(),
});
export type Risk = z.infer<typeof riskSchema>;

export const seriesPointSchema = z.object({
  milestoneId: z.string(),
  name: z.string(),
  at: z.string(),
  plannedCumulative: z.number(),
  actualCumulative: z.number().nullable(),
  attainmentPct: z.number().nullable(),
});

export const goalProgressSchema = z.object({
  goalId: z.string(),
  label: z.string(),
  kpiMetric: z.string(),
  unit: z.string(),
  direction: z.enum(goalDirections),
  target: z.number(),
  periodStart: z.string(),
  periodEnd: z.string(),
  actual: z.number().nullable(),
  expected: z.number().nullable(),
  attainmentPct: z.number().nullable(),
  progressPct: z.number().nullable(),
  status: rag.nullable(),
  series: z.array(seriesPointSchema),
});
export type GoalProgress = z.infer<typeof goalProgressSchema>;

export const dashboardSchema = z.object({
  projectId: z.string(),
  asOf: z.string(),
  goals: z.array(goalProgressSchema),
  milestones: z.array(
    z.object({
      milestoneId: z.string(),
      name: z.string(),
      goalId: z.string().nullable(),
      metric: z.string(),
      dueAt: z.string(),
      target: z.number(),
      actual: z.number().nullable(),
      attainmentPct: z.number().nullable(),
      status: z.enum(['pending', 'met', 'missed']),
    }),
  ),
  budget: budgetSchema,
  openRisks: z.array(riskSchema.extend({ warning: z.object({ value: z.number().nullable(), triggered: z.boolean() }).nullable() })),
  ranking: z.array(
    z.object({
      metric: z.string(),
      month: z.string(),
      entries: z.array(z.object({ rank: z.number(), memberId: z.string(), name: z.string(), total: z.number(), reportCount: z.number() })),
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const kpiReportSchema = z.object({ id: z.string(), metric: z.string(), value: z.string(), reportedAt: z.string() });
export const kpiImportResultSchema = z.object({
  imported: z.number(),
  metrics: z.array(z.object({ metric: z.string(), count: z.number(), total: z.number() })),
  raisedRiskIds: z.array(z.string()),
});
export type KpiImportResult = z.infer<typeof kpiImportResultSchema>;

export const inboxItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['escalation', 'notification', 'approval_request', 'acknowledgement_request', 'retrospective_request']),
  payload: z.looseObject({
    subject: z.string().optional(),
    message: z.string().optional(),
    requestId: z.string().optional(),
    dueAt: z.string().optional(),
    projectId: z.string().optional(),
    retrospectiveId: z.string().optional(),
  }),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const approvalRequestSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  kind: z.enum(['approval', 'acknowledgement']),
  approverId: z.string(),
  status: z.string(),
  dueAt: z.string(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  /** Whether the signed-in person may decide it, as the API says. */
  can: ApprovalCan,
});
export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;

export const retrospectiveInputSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  wentWell: z.string(),
  toImprove: z.string(),
  actionItems: z.array(z.string()),
  late: z.boolean(),
  submittedAt: z.string(),
});
export type RetrospectiveInput = z.infer<typeof retrospectiveInputSchema>;

const reportSchema = z.object({
  outcome: z.string(),
  compiledAt: z.string(),
  goals: z.array(z.object({ goalId: z.string(), name: z.string(), unit: z.string(), target: z.number(), actual: z.number(), attainmentPct: z.number(), status: rag })),
  milestones: z.array(
    z.object({
      milestoneId: z.string(),
      name: z.string(),
      dueAt: z.string(),
      target: z.number(),
      actual: z.number().nullable(),
      status: z.enum(['pending', 'met', 'missed']),
      daysLate: z.number(),
      owner: z.string(),
    }),
  ),
  series: z.array(z.object({ metric: z.string(), at: z.string(), planned: z.number(), actual: z.number().nullable() })),
  escalations: z.object({
    count: z.number(),
    highestLevel: z.number(),
    byLevel: z.array(z.object({ level: z.number(), count: z.number(), acknowledged: z.number(), avgHoursToAck: z.number().nullable() })),
    items: z.array(
      z.object({ milestone: z.string(), level: z.number(), recipient: z.string(), createdAt: z.string(), acknowledgedAt: z.string().nullable(), hoursToAck: z.number().nullable() }),
    ),
  }),
  approvals: z.object({ count: z.number(), rejections: z.number(), avgTurnaroundHours: z.number().nullable() }),
  changeRequests: z.array(z.object({ field: z.string(), subject: z.string(), status: z.string(), reason: z.string(), turnaroundHours: z.number().nullable() })),
  budget: z.array(z.object({ category: z.string(), planned: z.number(), spent: z.number(), overrunPct: z.number() })),
  members: z.array(z.object({ userId: z.string(), name: z.string(), total: z.number(), rank: z.number() })),
  timeline: z.array(z.object({ at: z.string(), kind: z.string(), text: z.string() })),
});
export type ReportView = z.infer<typeof reportSchema>;
// The report is compiled by the retrospective workflow; this fails to compile if the page reads
// something the compiled report does not have.
export const reportFitsView: (report: RetrospectiveReport) => ReportView = (report) => report;

export const retrospectiveSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  status: z.enum(['collecting', 'finalized']),
  inputDueAt: z.string(),
  hardDeadlineAt: z.string(),
  finalizedAt: z.string().nullable(),
  report: reportSchema,
  inputs: z.array(retrospectiveInputSchema),
});
export type Retrospective = z.infer<typeof retrospectiveSchema>;

export const changeRequestSchema = z.object({
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
});
export type ChangeRequest = z.infer<typeof changeRequestSchema>;

/** `GET /api/auth/session` and `POST /api/auth/login`: who is signed in, and what they may hand out. */
export const sessionSchema = z.object({
  user: userSchema,
  /** Null only when the page is reached with an API token instead of the session cookie. */
  csrfToken: z.string().nullable(),
  expiresAt: z.string().nullable(),
  grantableRoles: z.array(accessRoleSchema),
  /** What the person's role lets them do anywhere, as the API decides. */
  can: SessionCan,
});
export type Session = z.infer<typeof sessionSchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: accessRoleSchema,
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
/** The one answer that carries the secret; it is never shown again. */
export const createdApiTokenSchema = apiTokenSchema.extend({ token: z.string() });

export const auditEventSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  at: z.string(),
  actor: z.object({ kind: z.string(), userId: z.string().nullable(), name: z.string().nullable(), detail: z.string().nullable() }),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  projectId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditPageSchema = z.object({
  events: z.array(auditEventSchema),
  /** Where the next (older) page starts; null on the last page. */
  nextBefore: z.union([z.string(), z.number()]).transform(String).nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
