import { type z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect';
import { insertKpiReportBatch } from '../../db/queries/dashboard';
import { findUserIdsByEmail, listProjectPeople } from '../../db/queries/members';
import type { NewKpiReport, SalesProject } from '../../db/schema';
import { parseKpiCsv, sumExact, type KpiCsvError, type KpiCsvRow } from '../../workflows/domain';
import { requirePhase, requireProjectAction } from '../access/project-actions';
import type { AppDeps } from '../deps';
import { ApiError, fieldDetail, invalidFields, said, type ErrorDetail } from '../errors';
import { calendarOf, inProject } from '../plan-guard';
import { createRouter } from '../router';
import { KpiImportBody, KpiImportResult } from '../contract/kpi-import';
import { raiseTriggeredRisks } from '../../db/queries/risks';
import { raiseReportEffects, recordKpiReports, type KpiReportEffects } from '../kpi-report-effects';
import { trackedMetrics } from '../kpi-metrics';
import * as routes from '../contract/routes/kpi-import';

/** `row 3.value`: the row as the spreadsheet numbers it (header = row 1), then the column. */
const rowPath = (error: Pick<KpiCsvError, 'row' | 'field'>): string =>
  error.field === 'file' ? 'file' : error.field === 'row' ? `row ${error.row}` : `row ${error.row}.${error.field}`;

const csvRefused = (errors: Pick<KpiCsvError, 'row' | 'field' | 'message'>[]) =>
  new ApiError(
    400,
    'invalid_csv',
    said('csvProblems', { count: errors.length }),
    errors.map((e): ErrorDetail => ({ path: rowPath(e), message: e.message, code: e.field })),
  );

/**
 * Reporter e-mails → user ids; rows naming someone unknown are errors of their own. With
 * `onlyReporter`, every row must be that person's: a member imports their own figures, and only
 * the project's planners import the team's sheet (who reported what ranks the members).
 */
async function resolveReporters(db: Db, rows: KpiCsvRow[], onlyReporter: string | undefined): Promise<{ ids: Map<string, string>; errors: KpiCsvError[] }> {
  const ids = await findUserIdsByEmail(db, rows.map((r) => r.reporterEmail));
  const errors = rows.flatMap((r): KpiCsvError[] => {
    const id = ids.get(r.reporterEmail);
    if (id === undefined) return [{ row: r.row, field: 'reporter_email', message: `no user has the e-mail ${r.reporterEmail}` }];
    if (onlyReporter !== undefined && id !== onlyReporter) {
      return [{ row: r.row, field: 'reporter_email', message: "must be your own e-mail; the project's owner, the owner's managers and admins import others' figures" }];
    }
    return [];
  });
  return { ids, errors };
}

async function importCsv(
  db: Db,
  project: SalesProject,
  text: string,
  timeZone: string | undefined,
  onlyReporter: string | undefined,
  importer: { userId: string },
): Promise<{ result: z.infer<typeof KpiImportResult>; effects: KpiReportEffects<string[]> }> {
  requirePhase('reportKpi', project);
  const metrics = await trackedMetrics(db, project.id);
  const people = await listProjectPeople(db, project.id);
  const now = new Date();
  const parsed = parseKpiCsv(text, {
    timeZone: timeZone ?? calendarOf(project).timeZone,
    ...(metrics.length > 0 ? { metrics } : {}),
    ...(people.length > 0 ? { reporterEmails: people.map((p) => p.email) } : {}),
    now,
  });
  if (!parsed.ok) throw csvRefused(parsed.errors);
  const { ids, errors } = await resolveReporters(db, parsed.rows, onlyReporter);
  if (errors.length > 0) throw csvRefused(errors);

  const reports: NewKpiReport[] = parsed.rows.map((r) => ({
    projectId: project.id,
    metric: r.metric,
    value: r.value,
    reportedAt: r.reportedAt,
    reporterId: ids.get(r.reporterEmail) ?? '',
  }));
  // The whole import is one change of the figures: it crosses a threshold once at most.
  const metricsReported = [...new Set(parsed.rows.map((r) => r.metric))];
  const effects = await recordKpiReports(db, project, importer, metricsReported, () => insertKpiReportBatch(db, reports), (ids) => ids[0] ?? null);
  const byMetric = new Map<string, string[]>();
  for (const r of parsed.rows) byMetric.set(r.metric, [...(byMetric.get(r.metric) ?? []), r.value]);
  const result = {
    imported: reports.length,
    metrics: [...byMetric].sort(([a], [b]) => (a < b ? -1 : 1)).map(([metric, values]) => ({ metric, count: values.length, total: sumExact(values) })),
    raisedRiskIds: await raiseTriggeredRisks(db, project.id, now),
  };
  return { result, effects };
}

export function kpiImportRouter({ db, temporal }: AppDeps) {
  return createRouter().openapi(
    routes.importKpiReports,
    async (c) => {
      const { id } = c.req.valid('param');
      const principal = c.get('principal');
      const access = await requireProjectAction(db, principal, id, 'reportKpi', 'import its KPI reports');
      const isCsv = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() === 'text/csv';
      // Without a JSON content type the validator passes an empty object, so the CSV may be missing.
      const given = isCsv ? await c.req.text() : c.req.valid('json');
      const body: Partial<z.infer<typeof KpiImportBody>> = typeof given === 'string' ? { csv: given } : given;
      if (!body.csv?.trim()) throw invalidFields([fieldDetail(isCsv ? '' : 'csv', 'field.csvEmpty')]);
      const csv = body.csv;
      const { result, effects } = await inProject(db, id, (trx, project) =>
        importCsv(trx, project, csv, body.timeZone, access === 'plan' ? undefined : principal.userId, principal),
      );
      await raiseReportEffects(temporal, effects);
      return c.json(result, 201);
    },
  );
}
