import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { sql } from 'kysely';
import type { Db } from '../db/connect';
import { resolveBoundVersion } from '../db/queries/flows';
import { insertForecastCrossing, latestForecastCrossings, loadProjectForecasts, type SubjectForecast } from '../db/queries/forecasts';
import { userNames } from '../db/queries/dashboard';
import type { SalesProject } from '../db/schema';
import { forecastCrossing } from '../workflows/domain/sales-plan/forecast';
import { forecastVariables, type ForecastFall } from '../workflows/flow/forecast-context';
import { triggerConfigSchema } from '../workflows/flow/nodes/trigger';
import type { raiseBoundFlow, RaiseBoundFlowInput } from '../workflows/raise-bound-flow';
import { raiseWorkflowId } from '../workflows/task-queue';
import type { AppDeps } from './deps';

/** A forecast fell below the threshold of the flow bound to forecast_below_threshold: one run to start. */
export interface ForecastWarning {
  projectId: string;
  phase: string;
  flowVersionId: string;
  /** The crossing's id: the run's subject, so a retried request cannot raise it twice. */
  crossingId: string;
  fall: ForecastFall;
}

/** What a run names an allocation or a member's milestone by: the goal or milestone, and whose it is. */
const subjectName = (f: SubjectForecast, names: Map<string, string>) => (f.kind === 'allocation' ? `${f.name} (${names.get(f.holder?.userId ?? f.holder?.teamId ?? '') ?? ''})` : f.name);

/**
 * After KPI reports of `metrics` are recorded (inside the same transaction, under the project's
 * report lock), compares each forecast of those metrics with the side of the bound trigger's
 * threshold it was last seen on, records every crossing, and returns the falls to raise. A
 * forecast stays below without raising again; once it has risen above, the next fall raises again.
 */
export async function watchForecasts(trx: Db, project: SalesProject, reporter: { userId: string }, metrics: readonly string[], reportId: string | null): Promise<ForecastWarning[]> {
  await sql`select pg_advisory_xact_lock(hashtext(${`kpi-reports:${project.id}`}))`.execute(trx);
  const bound = await resolveBoundVersion(trx, project.id, 'forecast_below_threshold');
  const trigger = (bound?.document as { nodes?: { kind?: unknown; config?: unknown }[] } | undefined)?.nodes?.find((node) => node.kind === 'trigger');
  const parsed = triggerConfigSchema.safeParse(trigger?.config);
  const config = parsed.success && parsed.data.event === 'forecast_below_threshold' ? parsed.data : null;
  if (!bound || !config || metrics.length === 0) return [];

  const asOf = new Date();
  const watched = new Set(config.forecastWatch ?? ['goal', 'allocation', 'milestone']);
  const forecasts = (await loadProjectForecasts(trx, project, asOf)).filter(
    (f) =>
      watched.has(f.kind) &&
      metrics.includes(f.metric) &&
      (config.forecastMetric === undefined || f.metric === config.forecastMetric) &&
      // Once due, what was reached is no forecast: the milestone's own check speaks then.
      Date.parse(f.due) > asOf.getTime() &&
      f.forecast.percentOfPlan !== null,
  );
  if (forecasts.length === 0) return [];
  const last = await latestForecastCrossings(trx, project.id, config.forecastBelowPct);
  const names = await userNames(trx, [reporter.userId, ...forecasts.flatMap((f) => (f.ownerId ? [f.ownerId] : []))]);
  const teamIds = forecasts.flatMap((f) => (f.holder?.teamId ? [f.holder.teamId] : []));
  if (teamIds.length > 0) for (const team of await trx.selectFrom('teams').select(['id', 'name']).where('id', 'in', teamIds).execute()) names.set(team.id, team.name);

  const warnings: ForecastWarning[] = [];
  for (const f of forecasts) {
    const now = f.forecast.percentOfPlan!;
    const before = last.get(`${f.kind}:${f.id}`);
    const direction = forecastCrossing(before ? before.percentOfPlan : null, now, config.forecastBelowPct);
    if (!direction) continue;
    const crossingId = await insertForecastCrossing(trx, {
      projectId: project.id,
      subjectKind: f.kind,
      subjectId: f.id,
      thresholdPct: config.forecastBelowPct,
      direction,
      percentOfPlan: now,
      forecast: f.forecast,
      reportId,
    });
    if (direction !== 'fell_below') continue;
    const ownerId = f.ownerId ?? project.ownerId;
    warnings.push({
      projectId: project.id,
      phase: project.phase,
      flowVersionId: bound.id,
      crossingId,
      fall: {
        subjectKind: f.kind,
        subjectId: f.id,
        subject: subjectName(f, names),
        metric: f.metric,
        owner: { id: ownerId, name: names.get(ownerId) ?? '' },
        dueAt: f.due,
        forecast: f.forecast,
        threshold: config.forecastBelowPct,
        reportedBy: { name: names.get(reporter.userId) ?? '' },
        reportedAt: asOf.toISOString(),
      },
    });
  }
  return warnings;
}

/** Starts the bound flow once per fall, after the reports have committed. */
export async function raiseForecastWarnings({ client, taskQueue }: AppDeps['temporal'], warnings: readonly ForecastWarning[]): Promise<void> {
  for (const warning of warnings) {
    const input: RaiseBoundFlowInput = {
      projectId: warning.projectId,
      event: 'forecast_below_threshold',
      subjectId: warning.crossingId,
      phase: warning.phase,
      flowVersionId: warning.flowVersionId,
      variables: { forecast: forecastVariables(warning.fall) },
    };
    try {
      await client.workflow.start<typeof raiseBoundFlow>('raiseBoundFlow', {
        workflowId: raiseWorkflowId(warning.projectId, 'forecast_below_threshold', warning.crossingId),
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        taskQueue,
        args: [input],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}
