import { routesOf, json, refusal } from './define-routes';
import { IdParam } from '../common';
import { KpiCsvText, KpiImportBody, KpiImportResult } from '../kpi-import';

const route = routesOf('kpi');

export const importKpiReports = route.post('/api/projects/{id}/kpi-reports/import', {
  summary: 'Import KPI reports from a spreadsheet (text/csv, or JSON { csv }): every row, or none with each bad row named; members import their own rows only',
  request: { params: IdParam, body: { content: { 'application/json': { schema: KpiImportBody }, 'text/csv': { schema: KpiCsvText } }, required: false } },
  responses: {
    201: json('Imported', KpiImportResult),
    409: refusal("The project's results are frozen"),
  },
});
