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
    .select(['metric', 'value', 'reportedAt as reportedAt', 'reporterId as reporterId'])
    .where('projectId', '=', projectId)
    .where('metric', 'in', [...new Set(metrics)])
    .where('reportedAt', '<=', until)
    .orderBy('reportedAt')
    .orderBy('id')
    .execute();
}

export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Rows a statement carries: 5 parameters each, far below PostgreSQL's 65,535. */
const INSERT_CHUNK = 2000;

/** Many reports at once (an import); run it in the caller's transaction so it is all or nothing. */
export async function insertKpiReportBatch(db: Db, reports: readonly NewKpiReport[]): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < reports.length; start += INSERT_CHUNK) {
    const rows = await db.insertInto('kpi_reports').values(reports.slice(start, start + INSERT_CHUNK)).returning('id').execute();
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}
