import type { Db } from '../connect';
import type { KpiReport, NewKpiReport } from '../schema';

export async function insertKpiReport(db: Db, report: NewKpiReport): Promise<KpiReport> {
  return db.insertInto('kpi_reports').values(report).returningAll().executeTakeFirstOrThrow();
}

/** Exact (numeric) total of a metric reported for a project up to and including `until`. */
export async function sumKpi(db: Db, projectId: string, metric: string, until: Date): Promise<string> {
  const row = await db
    .selectFrom('kpi_reports')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('value'), eb.val('0')).as('total'))
    .where('project_id', '=', projectId)
    .where('metric', '=', metric)
    .where('reported_at', '<=', until)
    .executeTakeFirstOrThrow();
  return String(row.total);
}

export async function listKpiReports(db: Db, projectId: string): Promise<KpiReport[]> {
  return db
    .selectFrom('kpi_reports')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('reported_at')
    .orderBy('id')
    .execute();
}
