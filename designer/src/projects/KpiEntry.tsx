import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Options } from '../shared/Options';
import { ApiFormElement } from '../shared/ApiFormElement';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { formatNumber, amountAsTyped } from '../shared/format';
import { requestJson } from '../shared/request';
import { typed, useApiForm } from '../shared/use-api-form';
import { DoneNote } from '../shared/DoneNote';
import { KpiReport, NewKpiReportBody } from '../../../api/contract/projects';
import { kpiMetricLabel } from '../plan/goal-labels';

/** One KPI figure, reported by the signed-in person; the dashboard reloads once it is in. */
export function KpiEntry({ projectId, metrics, onReported }: { projectId: string; metrics: string[]; onReported: () => Promise<void> }) {
  const { t } = useTranslation('projects');
  const [done, setDone] = useState<string | null>(null);
  const api = useApiForm({
    schema: NewKpiReportBody,
    defaultValues: { metric: metrics[0] ?? '', value: '', reportedAt: undefined },
    save: async (body) => {
      setDone(null);
      const report = await requestJson(KpiReport, 'POST', `/api/projects/${projectId}/kpi-reports`, body);
      setDone(t('kpi.reported', { value: formatNumber(report.value), metric: kpiMetricLabel(report.metric) }));
    },
    onSaved: async (saved) => {
      saved.resetField('value');
      await onReported();
    },
  });
  const { form, saving, errorOf } = api;
  const { register } = form;

  return (
    <ApiFormElement api={api} className="card" aria-labelledby="kpi-entry-title" data-testid="kpi-entry" heading={<h2 id="kpi-entry-title">{t('kpi.title')}</h2>}>
      <div className="form-row">
        <Field label={t('kpi.metric')} error={errorOf('metric')}>
          {(props) =>
            metrics.length > 0 ? (
              <select {...props} {...register('metric')}>
                <Options items={metrics} labelOf={kpiMetricLabel} />
              </select>
            ) : (
              <input {...props} {...register('metric')} />
            )
          }
        </Field>
        {/* Sent as typed: the contract's words say what is wrong with a value that is not a number. */}
        <Field label={t('kpi.value')} error={errorOf('value')}>
          {(props) => <input {...props} inputMode="decimal" {...register('value', { setValueAs: amountAsTyped })} />}
        </Field>
        <Field label={t('kpi.when')} optional help={t('kpi.whenHelp')} error={errorOf('reportedAt')}>
          {(props) => <input {...props} type="datetime-local" {...register('reportedAt', { setValueAs: typed.instant })} />}
        </Field>
      </div>
      <FormActions saving={saving} label={t('kpi.report')} savingLabel={t('kpi.reporting')}>
        <DoneNote text={done} />
      </FormActions>
    </ApiFormElement>
  );
}
