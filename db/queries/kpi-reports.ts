import type { Db } from '../connect';
import type { KpiReport, NewKpiReport } from '../schema';

export async function insertKpiReport(db: Db, report: NewKpiReport): Promise<KpiReport> {
  return db.insertInto('kpi_reports').values(report).returningAll().executeTakeFirstOrThrow();
}

/**
 * Exact (numeric) total of a metric reported for a project up to and including `until`; null when
 * nothing was. `memberId`: only the figures reported as that member's (a member's own milestone).
 */
export async function sumKpiOrNull(db: Db, projectId: string, metric: string, until: Date, { memberId = null }: { memberId?: string | null } = {}): Promise<string | null> {
  const row = await db
    .selectFrom('kpi_reports')
    .select((eb) => eb.fn.sum<string | null>('value').as('total'))
    .where('projectId', '=', projectId)
    .where('metric', '=', metric)
    .where('reportedAt', '<=', until)
    .$if(memberId !== null, (q) => q.where('reporterId', '=', memberId!))
    .executeTakeFirstOrThrow();
  return row.total === null ? null : String(row.total);
}

/** The same total, '0' when nothing was reported. */
export async function sumKpi(db: Db, projectId: string, metric: string, until: Date, options: { memberId?: string | null } = {}): Promise<string> {
  return (await sumKpiOrNull(db, projectId, metric, until, options)) ?? '0';
}

/** The most recent value of a metric reported up to `until`, or null when none was. */
export async function latestKpi(db: Db, projectId: string, metric: string, until: Date): Promise<string | null> {
  const row = await db
    .selectFrom('kpi_reports')
    .select('value')
    .where('projectId', '=', projectId)
    .where('metric', '=', metric)
    .where('reportedAt', '<=', until)
    .orderBy('reportedAt', 'desc')
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.value ?? null;
}

export async function listKpiReports(db: Db, projectId: string): Promise<KpiReport[]> {
  return db
    .selectFrom('kpi_reports')
    .selectAll()
    .where('projectId', '=', projectId)
    .orderBy('reportedAt')
    .orderBy('id')
    .execute();
}
