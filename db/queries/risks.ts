import { sql } from 'kysely';
import { goalMetrics, metricAggregation, type GoalMetric } from '../../workflows/domain';
import type { Db } from '../connect';
import type { NewRisk, Risk, RiskUpdate } from '../schema';
import type { RiskEarlyWarning } from '../../workflows/domain';
import { latestKpi, sumKpiOrNull } from './kpi-reports';
import { Dec } from '../../workflows/domain/decimal';

export async function insertRisk(db: Db, risk: NewRisk): Promise<Risk> {
  return db.insertInto('risks').values(risk).returningAll().executeTakeFirstOrThrow();
}

export async function findRisk(db: Db, projectId: string, id: string): Promise<Risk | undefined> {
  return db.selectFrom('risks').selectAll().where('projectId', '=', projectId).where('id', '=', id).executeTakeFirst();
}

/** Highest score first; `openOnly` keeps the risks still to be managed. */
export async function listRisks(db: Db, projectId: string, options: { openOnly?: boolean } = {}): Promise<Risk[]> {
  let query = db.selectFrom('risks').selectAll().where('projectId', '=', projectId);
  if (options.openOnly) query = query.where('status', '=', 'open');
  return query.orderBy('score', 'desc').orderBy('createdAt').orderBy('id').execute();
}

export async function updateRisk(db: Db, projectId: string, id: string, changes: RiskUpdate): Promise<Risk | undefined> {
  return db.updateTable('risks').set(changes).where('projectId', '=', projectId).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteRisk(db: Db, projectId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('risks').where('projectId', '=', projectId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Open risks whose early-warning rule has not fired yet: the ones a new KPI figure may raise. */
export async function listUnraisedWatchedRisks(db: Db, projectId: string): Promise<Risk[]> {
  return db
    .selectFrom('risks')
    .selectAll()
    .where('projectId', '=', projectId)
    .where('status', '=', 'open')
    .where('earlyWarning', 'is not', null)
    .where('raisedAt', 'is', null)
    .execute();
}

/** Records the first time the rule fired; a later call keeps that time. */
export async function markRiskRaised(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('risks').set({ raisedAt: at }).where('id', '=', id).where('raisedAt', 'is', null).execute();
}

/** The KPI metrics the project's early-warning rules watch. */
export async function listWatchedMetrics(db: Db, projectId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('risks')
    .select(sql<string>`early_warning->>'metric'`.as('metric'))
    .where('projectId', '=', projectId)
    .where('earlyWarning', 'is not', null)
    .distinct()
    .execute();
  return rows.map((row) => row.metric);
}

const isGoalMetric = (metric: string): metric is GoalMetric => (goalMetrics as readonly string[]).includes(metric);

/** How a KPI adds up: totals for counts and money (and unknown metrics), the latest value for rates and scores. */
export const kpiAggregation = (metric: string): 'sum' | 'latest' => (isGoalMetric(metric) ? metricAggregation(metric) : 'sum');

/** The KPI value a rule watches, as of `at`, and whether it crosses the threshold; nothing reported never fires. */
export async function evaluateEarlyWarning(db: Db, projectId: string, rule: RiskEarlyWarning, at: Date) {
  const text =
    kpiAggregation(rule.metric) === 'sum' ? await sumKpiOrNull(db, projectId, rule.metric, at) : await latestKpi(db, projectId, rule.metric, at);
  // Compared exactly (a JSON threshold is exact: the API refuses numbers JSON cannot hold), and shown as exact text.
  const triggered = text !== null && (rule.direction === 'above' ? new Dec(text).gt(String(rule.threshold)) : new Dec(text).lt(String(rule.threshold)));
  return { value: text, triggered };
}

/**
 * Marks open risks whose early-warning rule now fires as raised (once). Call it after KPI figures
 * change, in the same transaction.
 */
export async function raiseTriggeredRisks(db: Db, projectId: string, at: Date): Promise<string[]> {
  const raised: string[] = [];
  for (const risk of await listUnraisedWatchedRisks(db, projectId)) {
    if (!risk.earlyWarning) continue;
    if ((await evaluateEarlyWarning(db, projectId, risk.earlyWarning, at)).triggered) {
      await markRiskRaised(db, risk.id, at);
      raised.push(risk.id);
    }
  }
  return raised;
}

