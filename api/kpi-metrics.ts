import type { Db } from '../db/connect';
import { goalRowKpiMetric, listGoals } from '../db/queries/goals';
import { listMilestoneMetrics } from '../db/queries/plan';
import { listWatchedMetrics } from '../db/queries/risks';
import { listFunnelStageKeys } from '../db/queries/funnel';
import { invalidFields } from './errors';

/**
 * The KPI metric names a project tracks: its goals', milestones' and risk rules', and its funnel stages' keys. A project that
 * tracks some takes reports of those only — one report or a CSV of them alike; one that tracks
 * none yet takes any.
 */
export async function trackedMetrics(db: Db, projectId: string): Promise<string[]> {
  const goals = (await listGoals(db, projectId)).map((g) => goalRowKpiMetric(g));
  return [...new Set([...goals, ...(await listMilestoneMetrics(db, projectId)), ...(await listWatchedMetrics(db, projectId)), ...(await listFunnelStageKeys(db, projectId))])].sort();
}

/** Refuses a single report of a metric the project does not track, naming the ones it does. */
export async function requireTrackedMetric(db: Db, projectId: string, metric: string): Promise<void> {
  const tracked = await trackedMetrics(db, projectId);
  if (tracked.length > 0 && !tracked.includes(metric)) {
    throw invalidFields([{ path: 'metric', message: `'${metric}' is not one of the metrics this project tracks: ${tracked.join(', ')}` }]);
  }
}
