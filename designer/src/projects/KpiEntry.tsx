import { useRef, useState, type FormEvent } from 'react';
import { Field, FormAlert } from '../shared/Field';
import { focusFirstError, formErrorsOf, noErrors, type FormErrors } from '../shared/form-errors';
import { formatNumber } from '../shared/format';
import { requestJson } from '../shared/request';
import { fromLocalInput, toOffsetIso } from '../shared/time';
import { DoneNote } from '../shared/DoneNote';
import { KpiReport } from '../../../api/contract/projects';

const fields = ['metric', 'value', 'reportedAt'] as const;

/** One KPI figure, reported by the signed-in person; the dashboard reloads once it is in. */
export function KpiEntry({ projectId, metrics, onReported }: { projectId: string; metrics: string[]; onReported: () => Promise<void> }) {
  const [metric, setMetric] = useState(metrics[0] ?? '');
  const [value, setValue] = useState('');
  const [reportedAt, setReportedAt] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setDone(null);
    const at = fromLocalInput(reportedAt);
    try {
      const report = await requestJson(KpiReport, 'POST', `/api/projects/${projectId}/kpi-reports`, {
        metric,
        // Sent as typed: the API names a value that is not a number.
        value: value.trim(),
        ...(at ? { reportedAt: toOffsetIso(at) } : {}),
      });
      setErrors(noErrors);
      setValue('');
      setDone(`Reported ${formatNumber(report.value)} ${report.metric}.`);
      await onReported();
    } catch (error) {
      setErrors(formErrorsOf(error, fields));
      requestAnimationFrame(() => focusFirstError(form.current));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form ref={form} className="card" onSubmit={(event) => void submit(event)} aria-labelledby="kpi-entry-title" data-testid="kpi-entry">
      <h2 id="kpi-entry-title">Report a KPI</h2>
      <FormAlert errors={errors} />
      <div className="form-row">
        <Field label="Metric" error={errors.fields.metric}>
          {(props) =>
            metrics.length > 0 ? (
              <select {...props} value={metric} onChange={(event) => setMetric(event.target.value)}>
                {metrics.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            ) : (
              <input {...props} value={metric} onChange={(event) => setMetric(event.target.value)} />
            )
          }
        </Field>
        <Field label="Value" error={errors.fields.value}>
          {(props) => <input {...props} inputMode="decimal" value={value} onChange={(event) => setValue(event.target.value)} />}
        </Field>
        <Field label="When" optional help="Leave empty for now." error={errors.fields.reportedAt}>
          {(props) => <input {...props} type="datetime-local" value={reportedAt} onChange={(event) => setReportedAt(event.target.value)} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Reporting…' : 'Report'}
        </button>
        <DoneNote text={done} />
      </div>
    </form>
  );
}
