import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { sql } from 'kysely';
import type { Db } from '../db/connect';
import { resolveBoundVersion } from '../db/queries/flows';
import { loadProjectProgress } from '../db/queries/project-progress';
import type { SalesProject } from '../db/schema';
import { workingDaysAfter } from '../workflows/domain/business-calendar';
import { resolveCalendar } from '../db/queries/calendars';
import { triggerConfigSchema } from '../workflows/flow/nodes/trigger';
import type { raiseBoundFlow, RaiseBoundFlowInput } from '../workflows/raise-bound-flow';
import { raiseWorkflowId } from '../workflows/task-queue';
import type { AppDeps } from './deps';
import { findUserName } from '../db/queries/users';
import { funnelProgress, loadFunnelInputs, type FunnelInputs } from '../db/queries/funnel-progress';
import { calendarOf } from './plan-guard';

/** A KPI report moved a goal's attainment across the threshold of the flow bound to the event. */
export interface KpiCrossing {
  projectId: string;
  phase: string;
  flowVersionId: string;
  kpi: {
    metric: string;
    goal: string;
    /** Attainment of the goal's final target (%), before and after the report(s). */
    before: number;
    after: number;
    value: number;
    threshold: number;
    direction: 'above' | 'below';
    businessDaysLeft: number;
    reportedBy: { name: string };
    reportedAt: string;
  };
}

/** The tracked figure: the attainment (%) of the final target of the project's goal whose KPI is `metric`; null without such a goal or figures. */
type Figure = { goal: string; pct: number; periodEnd: Date };

async function attainmentOf(db: Db, project: Pick<SalesProject, 'id' | 'periodStart'>, metric: string, asOf: Date): Promise<Figure | null> {
  const progress = await loadProjectProgress(db, project, asOf);
  const goal = progress.goals.find((g) => g.kpiMetric === metric);
  return goal && goal.attainmentPct !== null ? { goal: goal.label, pct: goal.attainmentPct, periodEnd: new Date(goal.periodEnd) } : null;
}

/**
 * The tracked figure of a funnel stage: its count so far as % of its plan so far (a leading
 * indicator of the revenue goal the funnel is derived from); null without a funnel holding the stage,
 * a revenue goal, or a plan yet. `lastReportAt` is the time of the stage's latest report.
 */
async function stageAttainmentOf(db: Db, project: Pick<SalesProject, 'id' | 'calendar'>, key: string, asOf: Date): Promise<{ inputs: FunnelInputs; lastReportAt: Date | null; figure: Figure | null }> {
  const inputs = await loadFunnelInputs(db, project.id, calendarOf(project).timeZone, asOf);
  const lastReportAt = inputs.points.filter((p) => p.metric === key).at(-1)?.reportedAt ?? null;
  return { inputs, lastReportAt, figure: stageFigure(inputs, key, asOf) };
}

function stageFigure(inputs: FunnelInputs, key: string, asOf: Date): Figure | null {
  const funnel = funnelProgress(inputs, asOf);
  const stage = funnel.progress.find((s) => s.key === key);
  return stage && stage.attainmentPct !== null && funnel.goal ? { goal: stage.name ?? stage.key, pct: stage.attainmentPct, periodEnd: new Date(funnel.goal.periodEnd) } : null;
}

/**
 * The figure a trigger watches, before and after `record` runs. A goal's attainment only moves with
 * reports, so before is read just before them. A stage's plan grows every day, so a stage falls
 * behind between reports: before is the stage as its previous report left it (at that report's
 * time), after is the stage now, and a report that finds the stage fallen behind crosses.
 */
async function watchedFigures<T>(trx: Db, project: SalesProject, config: { metric: string; watch?: 'goal' | 'funnel_stage' }, record: () => Promise<T>) {
  if (config.watch === 'funnel_stage') {
    const earlier = await stageAttainmentOf(trx, project, config.metric, new Date());
    const before = earlier.lastReportAt ? stageFigure(earlier.inputs, config.metric, earlier.lastReportAt) : null;
    const recorded = await record();
    const asOf = new Date();
    return { before, recorded, asOf, after: (await stageAttainmentOf(trx, project, config.metric, asOf)).figure };
  }
  const before = await attainmentOf(trx, project, config.metric, new Date());
  const recorded = await record();
  const asOf = new Date();
  return { before, recorded, asOf, after: await attainmentOf(trx, project, config.metric, asOf) };
}

/** Above: before < threshold ≤ after. Below: before ≥ threshold > after. Anything else crosses nothing. */
export function crosses(direction: 'above' | 'below', threshold: number, before: number, after: number): boolean {
  return direction === 'above' ? before < threshold && threshold <= after : before >= threshold && threshold > after;
}

/**
 * Records KPI reports (`record`, inside the caller's transaction) and says whether they made the
 * figure the bound `kpi_threshold_crossed` flow watches cross its threshold. One call is one crossing at most,
 * however many rows it records: an import raises per crossing, not per row.
 */
export async function recordWatchingKpi<T>(
  trx: Db,
  project: SalesProject,
  reporter: { userId: string },
  record: () => Promise<T>,
): Promise<{ recorded: T; crossing: KpiCrossing | null }> {
  // Reports to one project take turns here (the project row is only share-locked), so each sees
  // the figure the previous one left: two reports that cross together cross once.
  await sql`select pg_advisory_xact_lock(hashtext(${`kpi-reports:${project.id}`}))`.execute(trx);
  const bound = await resolveBoundVersion(trx, project.id, 'kpi_threshold_crossed');
  const trigger = (bound?.document as { nodes?: { kind?: unknown; config?: unknown }[] } | undefined)?.nodes?.find((node) => node.kind === 'trigger');
  const parsed = triggerConfigSchema.safeParse(trigger?.config);
  const config = parsed.success && parsed.data.event === 'kpi_threshold_crossed' ? parsed.data : null;
  if (!bound || !config) return { recorded: await record(), crossing: null };

  // Before is read before the reports exist, after once they do (and are not in the future).
  const { before, recorded, asOf, after } = await watchedFigures(trx, project, config, record);
  // No figure before the first report counts as 0 % of the goal.
  if (!after || !crosses(config.direction, config.threshold, before?.pct ?? 0, after.pct)) return { recorded, crossing: null };
  // Goal periods are half-open: the last day counted is the one of its last instant.
  const businessDaysLeft = workingDaysAfter(await resolveCalendar(trx, project.calendar), asOf, new Date(after.periodEnd.getTime() - 1));
  if (config.fewerBusinessDaysLeftThan !== undefined && businessDaysLeft >= config.fewerBusinessDaysLeftThan) return { recorded, crossing: null };
  const personName = await findUserName(trx, reporter.userId);
  return {
    recorded,
    crossing: {
      projectId: project.id,
      phase: project.phase,
      flowVersionId: bound.id,
      kpi: {
        metric: config.metric,
        goal: after.goal,
        before: before?.pct ?? 0,
        after: after.pct,
        value: after.pct,
        threshold: config.threshold,
        direction: config.direction,
        businessDaysLeft,
        reportedBy: { name: personName ?? '' },
        reportedAt: asOf.toISOString(),
      },
    },
  };
}

/**
 * Starts the bound flow for a crossing, after the report has committed. The workflow id comes from
 * the (first) report's id, so a retried request cannot raise the same crossing twice.
 */
export async function raiseKpiCrossing({ client, taskQueue }: AppDeps['temporal'], crossing: KpiCrossing, reportId: string): Promise<void> {
  const input: RaiseBoundFlowInput = {
    projectId: crossing.projectId,
    event: 'kpi_threshold_crossed',
    subjectId: reportId,
    phase: crossing.phase,
    flowVersionId: crossing.flowVersionId,
    variables: { kpi: crossing.kpi },
  };
  try {
    await client.workflow.start<typeof raiseBoundFlow>('raiseBoundFlow', {
      workflowId: raiseWorkflowId(crossing.projectId, 'kpi_threshold_crossed', reportId),
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      taskQueue,
      args: [input],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
