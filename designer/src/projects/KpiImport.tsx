import { useRef, useState, type FormEvent } from 'react';
import { TableHead } from '../shared/TableHead';
import { ApiError, errorMessage } from '../api/client';
import { formatNumber } from '../shared/format';
import { requestJson } from '../shared/request';
import { userTimeZone } from '../shared/time';
import { DoneNote } from '../shared/DoneNote';
import { FormActions } from '../shared/FormActions';
import { KpiImportResult } from '../../../api/contract/kpi-import';

interface RowProblem {
  where: string;
  message: string;
}

/** `row 3.value` → "Row 3, value"; the API numbers rows as the spreadsheet does (header = 1). */
function whereOf(path: string): string {
  const match = /^row (\d+)(?:\.(.+))?$/.exec(path);
  if (match) return match[2] ? `Row ${match[1]}, ${match[2].replaceAll('_', ' ')}` : `Row ${match[1]}`;
  return path === '' || path === 'csv' ? 'The file' : path;
}

/** A spreadsheet of KPI reports: all rows go in, or none and each bad row is named. */
export function KpiImport({ projectId, onImported }: { projectId: string; onImported: () => Promise<void> }) {
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
      setDone(`Imported ${result.imported} report${result.imported === 1 ? '' : 's'}: ${result.metrics.map((m) => `${m.metric} ${formatNumber(m.total)}`).join(', ')}.`);
      setCsv('');
      setFileName(null);
      if (fileInput.current) fileInput.current.value = '';
      await onImported();
    } catch (error) {
      setProblems({
        summary: errorMessage(error),
        rows: error instanceof ApiError ? error.details.map((d) => ({ where: whereOf(d.path), message: d.message })) : [],
      });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-labelledby="kpi-import-title" data-testid="kpi-import">
      <h2 id="kpi-import-title">Import KPI reports (CSV)</h2>
      <p className="field__help">
        Columns <code>metric,value,reported_at,reporter_email</code>, header first. One bad row imports nothing.
      </p>
      <div className="field">
        <label className="field__label" htmlFor="kpi-csv-file">
          File
        </label>
        <input ref={fileInput} id="kpi-csv-file" type="file" accept=".csv,text/csv" onChange={(event) => void readFile(event.target.files?.[0])} data-testid="kpi-csv-file" />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="kpi-csv-text">
          Or paste the rows {fileName && <span className="field__optional">(from {fileName})</span>}
        </label>
        <textarea id="kpi-csv-text" rows={4} className="mono" value={csv} onChange={(event) => setCsv(event.target.value)} aria-invalid={problems !== null} />
      </div>
      {problems && (
        <div className="callout callout--error" role="alert" data-testid="kpi-import-errors">
          <p>{problems.summary}</p>
          {problems.rows.length > 0 && (
            <table className="row-errors">
              <TableHead columns={['Where', 'Problem']} />
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
      <FormActions saving={saving} label="Import" savingLabel="Importing…" primary={false} disabled={csv.trim() === ''}>
        <DoneNote text={done} />
      </FormActions>
    </form>
  );
}
