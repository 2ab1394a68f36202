import { useFieldArray } from 'react-hook-form';
import { amountAsTyped } from '../shared/format';
import { useTranslation } from 'react-i18next';
import { ApiFormElement } from '../shared/ApiFormElement';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { requestJson } from '../shared/request';
import { typed, useApiForm } from '../shared/use-api-form';
import { Funnel, FunnelBody } from '../../../api/contract/funnel';
import { stageName } from './stage-name';

/** The stages (top first, each with its rate to the next) and the average deal, as the owner or a manager sets them. */
export function FunnelEditor({ projectId, funnel, onSaved }: { projectId: string; funnel: Funnel; onSaved: () => Promise<void> }) {
  const { t } = useTranslation(['funnel', 'shared']);
  const api = useApiForm({
    schema: FunnelBody,
    defaultValues: {
      averageDeal: funnel.averageDeal ?? '',
      stages: funnel.stages.map((stage) => ({ key: stage.key, name: stage.name ?? undefined, conversionRate: stage.conversionRate ?? undefined })),
    },
    save: (body) => requestJson(Funnel, 'PUT', `/api/projects/${projectId}/funnel`, body),
    onSaved: async () => {
      await onSaved();
    },
  });
  const { form, saving, errorOf } = api;
  const { register, control } = form;
  const stages = useFieldArray({ control, name: 'stages' });
  const trimmed = (text: string) => text.trim();

  return (
    <details>
      <summary>{t('edit.title')}</summary>
      <ApiFormElement api={api} className="subform" aria-label={t('edit.title')} data-testid="funnel-editor">
        <Field label={t('edit.averageDeal')} error={errorOf('averageDeal')}>
          {(props) => <input {...props} inputMode="decimal" {...register('averageDeal', { setValueAs: amountAsTyped })} />}
        </Field>
        {stages.fields.map((field, index) => {
          const last = index === stages.fields.length - 1;
          const label = stageName(t, { key: field.key, name: field.name ?? null });
          return (
            <div className="form-row" key={field.id}>
              <Field label={t('edit.key')} help={index === 0 ? t('edit.keyHelp') : undefined} error={errorOf(`stages.${index}.key`)}>
                {(props) => <input {...props} {...register(`stages.${index}.key`, { setValueAs: trimmed })} />}
              </Field>
              <Field label={t('edit.name')} optional error={errorOf(`stages.${index}.name`)}>
                {(props) => <input {...props} placeholder={label} {...register(`stages.${index}.name`, { setValueAs: (text: string | undefined) => typed.optional((text ?? '').trim()) })} />}
              </Field>
              {last ? (
                <p className="small muted">{t('edit.last')}</p>
              ) : (
                <Field label={t('edit.rate')} help={index === 0 ? t('edit.rateHelp') : undefined} error={errorOf(`stages.${index}.conversionRate`)}>
                  {(props) => (
                    <input
                      {...props}
                      inputMode="decimal"
                      {...register(`stages.${index}.conversionRate`, { setValueAs: (text: string | undefined) => typed.optional((text ?? '').trim()) })}
                    />
                  )}
                </Field>
              )}
              <button type="button" className="button" onClick={() => stages.remove(index)} aria-label={t('edit.remove', { stage: label })}>
                ×
              </button>
            </div>
          );
        })}
        <p>
          <button type="button" className="button" onClick={() => stages.insert(Math.max(0, stages.fields.length - 1), { key: '', name: undefined, conversionRate: '0.5' })}>
            {t('edit.add')}
          </button>
        </p>
        {errorOf('stages') && <p className="field__error">{errorOf('stages')}</p>}
        <FormActions saving={saving} label={t('edit.save')} savingLabel={t('edit.saving')} />
      </ApiFormElement>
    </details>
  );
}
