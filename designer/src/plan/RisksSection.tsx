import { z } from 'zod';
import { SelectField } from '../shared/SelectField';
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
import { PersonOptions } from '../shared/PersonOptions';
import { NewRiskBody, Risk } from '../../../api/contract/risks';
import { riskWarningDirections } from '../../../workflows/domain/plan-item-states';

const ratings = [1, 2, 3, 4, 5];

export function RisksSection({ plan }: { plan: PlanContext }) {
  const { data, editable, reload } = plan;
  const nameOf = usePeopleNames();
  const { error, remove } = useRemove(reload);
  const base = `/api/projects/${data.project.id}/risks`;
  return (
    <Card title="Risks">
      <SectionError message={error} />
      <ItemList items={[...data.risks].sort((a, b) => b.score - a.score)} empty="No risks yet.">
        {(risk) => ({
          main: (
            <>
              <span className={`score score--${risk.score >= 15 ? 'high' : risk.score >= 8 ? 'mid' : 'low'}`}>{risk.score}</span> <strong>{risk.title}</strong>{' '}
              <span className="small muted">({risk.status})</span>
              <br />
              <span className="small muted">
                probability {risk.probability} × impact {risk.impact} · owner {nameOf(risk.ownerId)}
                {risk.earlyWarning && ` · warns when ${risk.earlyWarning.metric} goes ${risk.earlyWarning.direction} ${risk.earlyWarning.threshold}`}
              </span>
            </>
          ),
          actions: editable && <RemoveButton label={`Remove risk ${risk.title}`} onClick={() => void remove(`${base}/${risk.id}`, `Remove the risk “${risk.title}”?`)} />,
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
    <ApiFormElement api={api} className="subform" aria-label="Add a risk">
      <div className="form-row">
        <Field label="Risk" error={errorOf('title')}>
          {(props) => <input {...props} {...register('title')} />}
        </Field>
        <SelectField label="Probability (1–5)" error={errorOf('probability')} registration={register('probability', rating)}>
          <Options items={ratings} labelOf={String} />
        </SelectField>
        <SelectField label="Impact (1–5)" error={errorOf('impact')} registration={register('impact', rating)}>
          <Options items={ratings} labelOf={String} />
        </SelectField>
        <SelectField label="Owner" optional error={errorOf('ownerId')} registration={register('ownerId', { setValueAs: typed.optional })}>
          <option value="">Nobody yet</option>
          <PersonOptions people={people} />
        </SelectField>
      </div>
      <Field label="Mitigation" optional error={errorOf('mitigation')}>
        {(props) => <textarea {...props} rows={2} {...register('mitigation', { setValueAs: (text: string | null | undefined) => typed.optional((text ?? '').trim()) })} />}
      </Field>
      <fieldset className="group">
        <legend>Early warning (optional): raise the risk when a KPI crosses a threshold</legend>
        <div className="form-row">
          <Field label="KPI metric" error={errorOf('earlyWarning')}>
            {(props) => <input {...props} {...register('earlyWarning.metric')} placeholder="e.g. call_connection_rate" />}
          </Field>
          <SelectField label="Goes" registration={register('earlyWarning.direction')}>
            <option value="below">below</option>
            <option value="above">above</option>
          </SelectField>
          <Field label="Threshold">
            {(props) => <input {...props} inputMode="decimal" {...register('earlyWarning.threshold')} />}
          </Field>
        </div>
      </fieldset>
      <FormActions saving={saving} label="Add risk" savingLabel="Adding…" primary={false} />
    </ApiFormElement>
  );
}
