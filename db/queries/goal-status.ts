import type { Db } from '../connect';
import { assessProgress, type RagStatus } from '../../workflows/domain/attainment';
import { goalKpiMetric, metricAggregation } from '../../workflows/domain/smart-goal';

export interface GoalStatus {
  goalId: string;
  name: string;
  unit: string;
  target: number;
  expected: number;
  actual: number;
  attainmentPct: number;
  status: RagStatus;
}

/**
 * Plan vs actual for each goal of a project at `at`: the actual is the sum of the goal's KPI
 * reports (or the latest one, for rates and scores) within the goal's period.
 */
export async function goalStatuses(db: Db, projectId: string, at: Date): Promise<GoalStatus[]> {
  const goals = await db.selectFrom('goals').selectAll().where('project_id', '=', projectId).orderBy('created_at').orderBy('id').execute();
  const statuses: GoalStatus[] = [];
  for (const goal of goals) {
    const metric = goalKpiMetric({ metric: goal.metric, customMetricName: goal.custom_name ?? undefined });
    const until = at < goal.period_end ? at : goal.period_end;
    const reports = db
      .selectFrom('kpi_reports')
      .where('project_id', '=', projectId)
      .where('metric', '=', metric)
      .where('reported_at', '>=', goal.period_start)
      .where('reported_at', '<=', until);
    const actual =
      metricAggregation(goal.metric) === 'sum'
        ? Number((await reports.select((eb) => eb.fn.coalesce(eb.fn.sum<string>('value'), eb.val('0')).as('v')).executeTakeFirstOrThrow()).v)
        : Number((await reports.select('value as v').orderBy('reported_at', 'desc').limit(1).executeTakeFirst())?.v ?? goal.baseline ?? 0);
    const progress = assessProgress({
      actual,
      target: Number(goal.target),
      direction: goal.direction,
      start: goal.period_start,
      due: goal.period_end,
      at: until,
      ...(metricAggregation(goal.metric) === 'latest' && goal.baseline !== null ? { from: Number(goal.baseline) } : {}),
    });
    statuses.push({
      goalId: goal.id,
      name: goal.custom_name ?? goal.metric,
      unit: goal.unit,
      target: Number(goal.target),
      expected: progress.expected,
      actual,
      attainmentPct: progress.attainmentPercent,
      status: progress.status,
    });
  }
  return statuses;
}
