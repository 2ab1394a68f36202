import { useTranslation } from 'react-i18next';
import { ApiFormElement } from '../shared/ApiFormElement';
import { FormActions } from '../shared/FormActions';
import { SelectField } from '../shared/SelectField';
import { requestJson } from '../shared/request';
import { useApiForm } from '../shared/use-api-form';
import { CloseProjectBody } from '../../../api/contract/lifecycle';

const outcomes = CloseProjectBody.shape.outcome.options;

/** Closing a running project before its period ends (won, lost or cancelled): it goes straight to its closing review. */
export function CloseEarly({ projectId, onClose, onDone }: { projectId: string; onClose: () => void; onDone: () => Promise<void> }) {
  const { t } = useTranslation('projects');
  const api = useApiForm({
    schema: CloseProjectBody,
    defaultValues: { outcome: 'won' },
    save: (body) => requestJson(CloseProjectBody, 'POST', `/api/projects/${projectId}/close`, body),
    onSaved: onDone,
  });
  const { form, saving, errorOf } = api;
  return (
    <ApiFormElement api={api} className="card" aria-labelledby="close-early-title" data-testid="close-early-form" heading={<h2 id="close-early-title">{t('closeEarly.title')}</h2>}>
      <p>{t('closeEarly.text')}</p>
      <SelectField label={t('closeEarly.outcome')} error={errorOf('outcome')} registration={form.register('outcome')}>
        {outcomes.map((outcome) => (
          <option key={outcome} value={outcome}>
            {t('closeEarly.outcomeName', { outcome })}
          </option>
        ))}
      </SelectField>
      <FormActions saving={saving} label={t('closeEarly.close')} savingLabel={t('closeEarly.closing')}>
        <button type="button" className="button" disabled={saving} onClick={onClose}>
          {t('closeEarly.cancel')}
        </button>
      </FormActions>
    </ApiFormElement>
  );
}
