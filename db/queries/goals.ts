import { goalKpiMetric } from '../../workflows/domain/smart-goal';
import { goalLabel } from '../../workflows/domain/goal-label';
import type { Db } from '../connect';
import type { Goal, GoalUpdate, NewGoal } from '../schema';

type GoalMetricColumns = Pick<Goal, 'metric' | 'customName'>;

/** A goal row's metric as the domain names it. */
export const goalMetricOf = (goal: GoalMetricColumns) => ({ metric: goal.metric, customMetricName: goal.customName ?? undefined });
/** The metric name this goal's KPI reports use. */
export const goalRowKpiMetric = (goal: GoalMetricColumns): string => goalKpiMetric(goalMetricOf(goal));
/** "Revenue", "New customers", or the custom metric's name. */
export const goalRowLabel = (goal: GoalMetricColumns): string => goalLabel(goalMetricOf(goal));

export async function insertGoal(db: Db, goal: NewGoal): Promise<Goal> {
  return db.insertInto('goals').values(goal).returningAll().executeTakeFirstOrThrow();
}

export async function findGoal(db: Db, projectId: string, id: string): Promise<Goal | undefined> {
  return db.selectFrom('goals').selectAll().where('projectId', '=', projectId).where('id', '=', id).executeTakeFirst();
}

export async function listGoals(db: Db, projectId: string): Promise<Goal[]> {
  return db.selectFrom('goals').selectAll().where('projectId', '=', projectId).orderBy('createdAt').orderBy('id').execute();
}

export async function updateGoal(db: Db, projectId: string, id: string, changes: GoalUpdate): Promise<Goal | undefined> {
  return db.updateTable('goals').set(changes).where('projectId', '=', projectId).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteGoal(db: Db, projectId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('goals').where('projectId', '=', projectId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
