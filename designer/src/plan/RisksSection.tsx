import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PersonSelectField, SelectField } from '../shared/SelectField';
import { Card } from '../shared/Card';
import { Options } from '../shared/Options';
import { ApiFormElement } from '../shared/ApiFormElement';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { numberAsTyped } from '../shared/format';
import { usePeople, usePeopleNames } from '../shared/people';
import { requestJson } from '../shared/request';
import { typed, useApiForm } from '../shared/use-api-form';
import type { PlanContext } from './plan-data';
import { useRemove } from './use-remove';
import { ItemList, RemoveButton, SectionError } from './ItemList';
import { kpiMetricLabel } from './goal-labels';
import { NewRiskBody, Risk } from '../../../api/contract/risks';
import { riskWarningDirections } from '../../../workflows/domain/plan-item-states';

const ratings = [1, 2, 3, 4, 5];
/** A KPI falling below its threshold is the usual warning, so it comes first. */
const warningDirections = ['below', 'above'] as const satisfies readonly (typeof riskWarningDirections)[number][];

export function RisksSection({ plan }: { plan: PlanContext }) {
  const { t } = useTranslation('plan');
  const { data, editable, reload } = plan;
  const nameOf = usePeopleNames();
  const { error, remove } = useRemove(reload);
  const base = `/api/projects/${data.project.id}/risks`;
  return (
    <Card title={t('risks.title')}>
      <SectionError message={error} />
      <ItemList items={[...data.risks].sort((a, b) => b.score - a.score)} empty={t('risks.empty')}>
        {(risk) => ({
          main: (
            <>
              <span className={`score score--${risk.score >= 15 ? 'high' : risk.score >= 8 ? 'mid' : 'low'}`}>{risk.score}</span> <strong>{risk.title}</strong>{' '}
              <span className="small muted">{t('risks.status', { status: t(`risks.statuses.${risk.status}`) })}</span>
              <br />
              <span className="small muted">
                {t('risks.details', { probability: risk.probability, impact: risk.impact, owner: nameOf(risk.ownerId) })}
                {risk.earlyWarning && t('risks.warnsWhen', { metric: kpiMetricLabel(risk.earlyWarning.metric), direction: risk.earlyWarning.direction, threshold: String(risk.earlyWarning.threshold) })}
              </span>
            </>
          ),
          actions: editable && <RemoveButton label={t('risks.remove', { title: risk.title })} onClick={() => void remove(`${base}/${risk.id}`, t('risks.removeQuestion', { title: risk.title }))} />,
        })}
      </ItemList>
      {editable && <RiskForm plan={plan} />}
    </Card>
  );
}

/** The contract's body; the early-warning rule is three inputs, sent only when one of them is filled in. */
const riskForm = NewRiskBody.extend({
  earlyWarning: z
    .object({ metric: z.string(), direction: z.enum(riskWarningDirections), threshold: z.string() })
    // The threshold goes on as typed (a number when it reads as one): the contract's rule names what is wrong.
    .transform((rule): z.input<typeof NewRiskBody.shape.earlyWarning> => (rule.metric.trim() === '' && rule.threshold.trim() === '' ? undefined : { metric: rule.metric.trim(), direction: rule.direction, threshold: numberAsTyped(rule.threshold) as number }))
    .pipe(NewRiskBody.shape.earlyWarning),
});

function RiskForm({ plan }: { plan: PlanContext }) {
  const { t } = useTranslation(['plan', 'shared']);
  const people = usePeople();
  const api = useApiForm({
    schema: riskForm,
    defaultValues: { title: '', probability: 3, impact: 3, ownerId: undefined, mitigation: undefined, status: undefined, earlyWarning: { metric: '', direction: 'below', threshold: '' } },
    save: (body) => requestJson(Risk, 'POST', `/api/projects/${plan.data.project.id}/risks`, body),
    onSaved: async (saved) => {
      saved.resetField('title');
      saved.resetField('mitigation');
      await plan.reload();
    },
  });
  const { form, saving, errorOf } = api;
  const { register } = form;
  const rating = { setValueAs: (value: string | number) => Number(value) };

  return (
    <ApiFormElement api={api} className="subform" aria-label={t('risks.add')}>
      <div className="form-row">
        <Field label={t('risks.risk')} error={errorOf('title')}>
          {(props) => <input {...props} {...register('title')} />}
        </Field>
        <SelectField label={t('risks.probability')} error={errorOf('probability')} registration={register('probability', rating)}>
          <Options items={ratings} labelOf={String} />
        </SelectField>
        <SelectField label={t('risks.impact')} error={errorOf('impact')} registration={register('impact', rating)}>
          <Options items={ratings} labelOf={String} />
        </SelectField>
        <PersonSelectField label={t('common.owner')} optional error={errorOf('ownerId')} registration={register('ownerId', { setValueAs: typed.optional })} people={people}>
          <option value="">{t('common.nobodyYet')}</option>
        </PersonSelectField>
      </div>
      <Field label={t('risks.mitigation')} optional error={errorOf('mitigation')}>
        {(props) => <textarea {...props} rows={2} {...register('mitigation', { setValueAs: (text: string | null | undefined) => typed.optional((text ?? '').trim()) })} />}
      </Field>
      <fieldset className="group">
        <legend>{t('risks.earlyWarning')}</legend>
        <div className="form-row">
          <Field label={t('risks.kpiMetric')} error={errorOf('earlyWarning')}>
            {(props) => <input {...props} {...register('earlyWarning.metric')} placeholder={t('risks.kpiMetricExample')} />}
          </Field>
          <SelectField label={t('risks.goes')} registration={register('earlyWarning.direction')}>
            <Options items={warningDirections} labelOf={(d) => (d === 'below' ? t('risks.below') : t('risks.above'))} />
          </SelectField>
          <Field label={t('risks.threshold')}>
            {(props) => <input {...props} inputMode="decimal" {...register('earlyWarning.threshold')} />}
          </Field>
        </div>
      </fieldset>
      <FormActions saving={saving} label={t('risks.save')} savingLabel={t('shared:adding')} primary={false} />
    </ApiFormElement>
  );
}
