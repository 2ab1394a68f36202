import { sql } from 'kysely';
import type { Db } from '../connect';
import type { NewKpiReport } from '../schema';

export interface KpiPoint {
  metric: string;
  value: string;
  reportedAt: Date;
  reporterId: string;
}

/** The project's reports of these metrics up to and including `until`, oldest first. */
export async function listKpiPoints(db: Db, projectId: string, metrics: readonly string[], until: Date): Promise<KpiPoint[]> {
  if (metrics.length === 0) return [];
  return db
    .selectFrom('kpi_reports')
    .select(['metric', 'value', 'reported_at as reportedAt', 'reporter_id as reporterId'])
    .where('project_id', '=', projectId)
    .where('metric', 'in', [...new Set(metrics)])
    .where('reported_at', '<=', until)
    .orderBy('reported_at')
    .orderBy('id')
    .execute();
}

/** Exact total of a metric over [from, until] (from = null: since the first report). */
export async function kpiSum(db: Db, projectId: string, metric: string, window: { from: Date | null; until: Date }): Promise<string> {
  let query = db
    .selectFrom('kpi_reports')
    .select(sql<string>`coalesce(sum(value), 0)`.as('total'))
    .where('project_id', '=', projectId)
    .where('metric', '=', metric)
    .where('reported_at', '<=', window.until);
  if (window.from) query = query.where('reported_at', '>=', window.from);
  return String((await query.executeTakeFirstOrThrow()).total);
}

/** Exact total of a metric up to `until`, or null when nothing was reported yet. */
export async function kpiSumOrNull(db: Db, projectId: string, metric: string, until: Date): Promise<string | null> {
  const row = await db
    .selectFrom('kpi_reports')
    .select(sql<string | null>`sum(value)`.as('total'))
    .where('project_id', '=', projectId)
    .where('metric', '=', metric)
    .where('reported_at', '<=', until)
    .executeTakeFirstOrThrow();
  return row.total === null ? null : String(row.total);
}

/** The most recent value of a metric reported up to `until`, or null when none was. */
export async function kpiLatest(db: Db, projectId: string, metric: string, until: Date): Promise<string | null> {
  const row = await db
    .selectFrom('kpi_reports')
    .select('value')
    .where('project_id', '=', projectId)
    .where('metric', '=', metric)
    .where('reported_at', '<=', until)
    .orderBy('reported_at', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.value ?? null;
}

export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Rows a statement carries: 5 parameters each, far below PostgreSQL's 65,535. */
const INSERT_CHUNK = 2000;

/** Many reports at once (an import); run it in the caller's transaction so it is all or nothing. */
export async function insertKpiReportBatch(db: Db, reports: readonly NewKpiReport[]): Promise<void> {
  for (let start = 0; start < reports.length; start += INSERT_CHUNK) {
    await db.insertInto('kpi_reports').values(reports.slice(start, start + INSERT_CHUNK)).execute();
  }
}
