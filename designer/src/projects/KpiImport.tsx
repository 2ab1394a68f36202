import type { TFunction } from 'i18next';
import { useRef, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { TableHead } from '../shared/TableHead';
import { ApiError, errorMessage } from '../api/client';
import { formatNumber } from '../shared/format';
import { requestJson } from '../shared/request';
import { userTimeZone } from '../shared/time';
import { DoneNote } from '../shared/DoneNote';
import { FormActions } from '../shared/FormActions';
import { KpiImportResult } from '../../../api/contract/kpi-import';
import { kpiMetricLabel } from '../plan/goal-labels';

interface RowProblem {
  where: string;
  message: string;
}

/** The columns a file of KPI reports has, header first (the API's names, shown as they are). */
const csvColumns = 'metric,value,reported_at,reporter_email';

/** `row 3.value` → "Row 3, value"; the API numbers rows as the spreadsheet does (header = 1). */
function whereOf(path: string, t: TFunction<'projects'>): string {
  const match = /^row (\d+)(?:\.(.+))?$/.exec(path);
  if (match) return match[2] ? t('kpiImport.rowField', { row: match[1], field: match[2].replaceAll('_', ' ') }) : t('kpiImport.row', { row: match[1] });
  return path === '' || path === 'csv' ? t('kpiImport.theFile') : path;
}

/** A spreadsheet of KPI reports: all rows go in, or none and each bad row is named. */
export function KpiImport({ projectId, onImported }: { projectId: string; onImported: () => Promise<void> }) {
  const { t } = useTranslation('projects');
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [problems, setProblems] = useState<{ summary: string; rows: RowProblem[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function readFile(file: File | undefined) {
    if (!file) return;
    setFileName(file.name);
    setCsv(await file.text());
    setProblems(null);
    setDone(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setDone(null);
    try {
      // Dates without an offset in the file are read in the reader's zone, as they typed them.
      const result = await requestJson(KpiImportResult, 'POST', `/api/projects/${projectId}/kpi-reports/import`, { csv, timeZone: userTimeZone() });
      setProblems(null);
      setDone(t('kpiImport.imported', { count: result.imported, totals: result.metrics.map((m) => `${kpiMetricLabel(m.metric)} ${formatNumber(m.total)}`).join(', ') }));
      setCsv('');
      setFileName(null);
      if (fileInput.current) fileInput.current.value = '';
      await onImported();
    } catch (error) {
      setProblems({
        summary: errorMessage(error),
        rows: error instanceof ApiError ? error.details.map((d) => ({ where: whereOf(d.path, t), message: d.message })) : [],
      });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-labelledby="kpi-import-title" data-testid="kpi-import">
      <h2 id="kpi-import-title">{t('kpiImport.title')}</h2>
      <p className="field__help">
        <Trans t={t} i18nKey="kpiImport.help" values={{ columns: csvColumns }} components={[<code key="columns" />]} />
      </p>
      <div className="field">
        <label className="field__label" htmlFor="kpi-csv-file">
          {t('kpiImport.file')}
        </label>
        <input ref={fileInput} id="kpi-csv-file" type="file" accept=".csv,text/csv" onChange={(event) => void readFile(event.target.files?.[0])} data-testid="kpi-csv-file" />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="kpi-csv-text">
          {t('kpiImport.paste')} {fileName && <span className="field__optional">{t('kpiImport.fromFile', { file: fileName })}</span>}
        </label>
        <textarea id="kpi-csv-text" rows={4} className="mono" value={csv} onChange={(event) => setCsv(event.target.value)} aria-invalid={problems !== null} />
      </div>
      {problems && (
        <div className="callout callout--error" role="alert" data-testid="kpi-import-errors">
          <p>{problems.summary}</p>
          {problems.rows.length > 0 && (
            <table className="row-errors">
              <TableHead columns={[t('kpiImport.where'), t('kpiImport.problem')]} />
              <tbody>
                {problems.rows.map((row, index) => (
                  <tr key={index}>
                    <td>{row.where}</td>
                    <td>{row.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <FormActions saving={saving} label={t('kpiImport.import')} savingLabel={t('kpiImport.importing')} primary={false} disabled={csv.trim() === ''}>
        <DoneNote text={done} />
      </FormActions>
    </form>
  );
}
