import { z } from '@hono/zod-openapi';
import { readable } from '../../workflows/domain/human-text';
import { languages } from '../../workflows/i18n/languages';
import { goalMetrics, milestoneStatuses, ragStatuses } from '../../workflows/domain';
import { timelineMessageKeys, type RetrospectiveReport as CompiledReport } from '../../workflows/domain/retrospective-report';
import { Uuid, errorResponses, Name } from './common';

const answer = readable(z.string().trim().min(1, 'must not be empty').max(5000), { multiline: true });

export const RetrospectiveInputBody = z
  .strictObject({
    wentWell: answer,
    toImprove: answer,
    actionItems: z.array(Name(500)).max(20),
  })
  .openapi('RetrospectiveInputBody');

/** Nothing to say: the person finalizing is the one signed in. An empty body or none. */
export const FinalizeBody = z.strictObject({}).openapi('FinalizeRetrospective');

export const ActionItemsToTasksBody = z
  .strictObject({
    followUpProjectId: Uuid,
    items: z.array(z.strictObject({ title: Name(200), assigneeId: Uuid.optional() })).min(1).max(50),
  })
  .openapi('ActionItemsToTasks');

export const RetrospectiveInput = z
  .object({ id: z.string(), userId: z.string(), name: z.string(), wentWell: z.string(), toImprove: z.string(), actionItems: z.array(z.string()), late: z.boolean(), submittedAt: z.string() })
  .openapi('RetrospectiveInput');

/** The closing review's report, as the retrospective workflow compiles it (workflows/domain/retrospective-report). */
export const RetrospectiveReport = z
  .object({
    projectId: z.string(),
    projectName: z.string(),
    outcome: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    compiledAt: z.string(),
    goals: z.array(
      z.object({ goalId: z.string(), name: z.string(), metric: z.enum(goalMetrics).optional(), unit: z.string(), target: z.string(), actual: z.string(), attainmentPct: z.number(), status: z.enum(ragStatuses) }),
    ),
    milestones: z.array(
      z.object({
        milestoneId: z.string(),
        name: z.string(),
        dueAt: z.string(),
        target: z.string().openapi({ description: 'Exact decimal text' }),
        actual: z.string().nullable().openapi({ description: 'Exact decimal text; null when the due-time check never ran' }),
        status: z.enum(milestoneStatuses),
        daysLate: z.number(),
        owner: z.string(),
      }),
    ),
    series: z.array(z.object({ metric: z.string(), at: z.string(), planned: z.string().openapi({ description: 'Exact decimal text' }), actual: z.string().nullable() })),
    escalations: z.object({
      count: z.number(),
      highestLevel: z.number(),
      byLevel: z.array(z.object({ level: z.number(), count: z.number(), acknowledged: z.number(), avgHoursToAck: z.number().nullable() })),
      items: z.array(
        z.object({ milestone: z.string(), level: z.number(), recipient: z.string(), createdAt: z.string(), acknowledgedAt: z.string().nullable(), hoursToAck: z.number().nullable() }),
      ),
    }),
    approvals: z.object({
      count: z.number(),
      rejections: z.number(),
      avgTurnaroundHours: z.number().nullable(),
      items: z.array(
        z.object({ kind: z.string(), approver: z.string(), status: z.string(), createdAt: z.string(), decidedAt: z.string().nullable(), turnaroundHours: z.number().nullable() }),
      ),
    }),
    changeRequests: z.array(
      z.object({ field: z.string(), subject: z.string(), before: z.unknown(), after: z.unknown(), status: z.string(), reason: z.string(), turnaroundHours: z.number().nullable() }),
    ),
    risks: z.object({ raisedByEarlyWarning: z.array(z.string()), materialised: z.array(z.string()) }),
    budget: z.array(z.object({ category: z.string(), planned: z.string().openapi({ description: 'Exact decimal text' }), spent: z.string().openapi({ description: 'Exact decimal text' }), overrunPct: z.number() })),
    members: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        total: z.string().openapi({ description: "Exact decimal text: the headline goal's metric" }),
        rank: z.number().openapi({ description: 'By the scorecard score when the project has one, else by the total' }),
        score: z.string().nullable().optional().openapi({ description: 'The balanced scorecard score; null without a scorecard' }),
        reportedNothing: z.boolean().optional(),
        dimensions: z.array(z.object({ key: z.string(), attainmentPct: z.number(), countedPct: z.number(), points: z.string() })).optional(),
        training: z
          .object({ assigned: z.number(), attended: z.number(), completed: z.number(), averageScore: z.string().nullable(), topics: z.array(z.string()) })
          .optional(),
      }),
    ),
    timeline: z.array(
      z.object({
        at: z.string(),
        kind: z.string(),
        text: z.string().openapi({ description: 'In English, as compiled' }),
        message: z
          .object({ key: z.enum(timelineMessageKeys), values: z.record(z.string(), z.union([z.string(), z.number()])) })
          .optional()
          .openapi({ description: "The entry as a message of the shared `exports` catalog (`timeline.<key>`), for the reader's language; absent in reviews compiled before 6 December 2026" }),
      }),
    ),
    incentives: z
      .object({
        approvedTotal: z.string().openapi({ description: 'Exact decimal text, to the cent' }),
        payouts: z.array(z.object({ payoutId: z.string(), memberId: z.string(), name: z.string(), amount: z.string(), decidedAt: z.string().nullable() })),
      })
      .optional()
      .openapi({ description: 'Approved incentive payouts, each once (reports compiled before incentives existed lack it)' }),
  })
  .openapi('RetrospectiveReport');
// Both ways, so the schema and the compiled report cannot drift apart (a compile error if they do).
export const reportFitsSchema: (report: CompiledReport) => z.infer<typeof RetrospectiveReport> = (report) => report;
export const schemaFitsReport: (report: z.infer<typeof RetrospectiveReport>) => CompiledReport = (report) => report;

export const Retrospective = z
  .object({
    id: z.string(),
    projectId: z.string(),
    status: z.enum(['collecting', 'finalized']),
    inputDueAt: z.string(),
    hardDeadlineAt: z.string(),
    finalizedAt: z.string().nullable(),
    report: RetrospectiveReport.openapi({ description: 'Goal attainment, milestones, escalations, approvals, change requests, risks, budget, members, timeline' }),
    inputs: z.array(RetrospectiveInput),
  })
  .openapi('Retrospective');

/** An export answers the document itself; refusals are JSON like everywhere else. */
/** The language of an export: `?lang=`, else the request's Accept-Language, else English. */
export const ExportQuery = z.object({
  lang: z.enum(languages).optional().openapi({ description: 'The language of the document (en or zh-CN); without it, the Accept-Language header decides, else English' }),
});

export const retrospectiveExportResponses = (type: 'text/markdown' | 'text/html') =>
  ({ 200: { description: 'The document', content: { [type]: { schema: z.string() } } }, ...errorResponses }) as const;

export type RetrospectiveInput = z.infer<typeof RetrospectiveInput>;
export type Retrospective = z.infer<typeof Retrospective>;
export type RetrospectiveReport = z.infer<typeof RetrospectiveReport>;
