import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiFormElement } from '../shared/ApiFormElement';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { SelectField } from '../shared/SelectField';
import { amountAsTyped, formatNumber } from '../shared/format';
import { requestJson } from '../shared/request';
import { formatDateTime } from '../shared/time';
import { typed, useApiForm } from '../shared/use-api-form';
import { ChangeRequest, ChangeRequestBody } from '../../../api/contract/lifecycle';
import type { Dashboard } from '../../../api/contract/dashboard';
import { kpiMetricLabel } from '../plan/goal-labels';

type Milestone = Dashboard['milestones'][number];

/** What of a milestone a change request may change. */
const milestoneFields = ['target', 'due_at'] as const;

/**
 * A milestone's target or due time, asked to change while the project runs: the request goes to
 * its approval flow ("change requested"), and the page lists it as pending until it is decided.
 */
export function RequestChange({ projectId, milestone, onClose, onDone }: { projectId: string; milestone: Milestone; onClose: () => void; onDone: () => Promise<void> }) {
  const { t } = useTranslation('projects');
  const api = useApiForm({
    schema: ChangeRequestBody,
    defaultValues: { subjectKind: 'milestone', subjectId: milestone.milestoneId, field: 'target', after: undefined, reason: '' },
    save: (body) => requestJson(ChangeRequest, 'POST', `/api/projects/${projectId}/change-requests`, body),
    onSaved: onDone,
  });
  const { form, saving, errorOf } = api;
  const { register, control } = form;
  const field = useWatch({ control, name: 'field' });
  return (
    <ApiFormElement
      api={api}
      className="card"
      aria-labelledby="request-change-title"
      data-testid="request-change-form"
      heading={<h2 id="request-change-title">{t('requestChange.title', { name: milestone.name })}</h2>}
    >
      <p className="muted">{t('requestChange.now', { target: formatNumber(milestone.target), metric: kpiMetricLabel(milestone.metric), due: formatDateTime(milestone.dueAt) })}</p>
      <div className="form-row">
        {/* Another kind of change starts its value over: a target is no due time. */}
        <SelectField label={t('requestChange.field')} error={errorOf('field')} registration={register('field', { onChange: () => form.resetField('after') })}>
          {milestoneFields.map((name) => (
            <option key={name} value={name}>
              {t('requestChange.fieldName', { field: name })}
            </option>
          ))}
        </SelectField>
        {/* One input per kind of value: a number as typed (the contract says what is wrong with it), or a time in this browser's zone. */}
        {field === 'due_at' ? (
          <Field key="due" label={t('requestChange.newDue')} error={errorOf('after')}>
            {(props) => <input {...props} type="datetime-local" {...register('after', { setValueAs: typed.instant })} />}
          </Field>
        ) : (
          <Field key="target" label={t('requestChange.newTarget')} error={errorOf('after')}>
            {(props) => <input {...props} inputMode="decimal" {...register('after', { setValueAs: amountAsTyped })} />}
          </Field>
        )}
      </div>
      <Field label={t('requestChange.reason')} error={errorOf('reason')}>
        {(props) => <textarea {...props} rows={2} {...register('reason')} />}
      </Field>
      <FormActions saving={saving} label={t('requestChange.send')} savingLabel={t('requestChange.sending')}>
        <button type="button" className="button" disabled={saving} onClick={onClose}>
          {t('requestChange.cancel')}
        </button>
      </FormActions>
    </ApiFormElement>
  );
}
