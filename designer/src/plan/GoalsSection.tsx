import { useMemo, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../shared/SelectField';
import { Card } from '../shared/Card';
import { Options } from '../shared/Options';
import { z } from 'zod';
import { goalDirections, goalMetrics, type GoalMetric } from '../../../workflows/domain/smart-goal';
import { ApiFormElement } from '../shared/ApiFormElement';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { formatAmount, formatNumber, textOrUndefined, amountAsTyped } from '../shared/format';
import { requestJson } from '../shared/request';
import { afterDay, dateInputValue, formatPeriod, lastDayInputValue, startOfDay, type ZoneOption } from '../shared/time';
import { useApiForm } from '../shared/use-api-form';
import { goalLabel, metricLabel, suggestedUnit } from './goal-labels';
import type { PlanContext } from './plan-data';
import { ItemList, RemoveButton, SectionError } from './ItemList';
import { useRemove } from './use-remove';
import { Goal, NewGoalBody } from '../../../api/contract/goals';

export function GoalsSection({ plan }: { plan: PlanContext }) {
  const { t } = useTranslation('plan');
  const { data, editable, reload } = plan;
  const { error: removeError, remove } = useRemove(reload);

  return (
    <Card title={t('goals.title')} testId="goals-section">
      <p className="field__help">{t('goals.smartHelp')}</p>
      <SectionError message={removeError} />
      <ItemList items={data.goals}>
        {(goal) => ({
          main: (
            <>
              <strong>{goalLabel(t, goal)}</strong> {t('goals.target', { direction: goal.direction, amount: formatAmount(goal.target, goal.unit) })}
              <br />
              <span className="small muted">
                {formatPeriod(goal.period.start, goal.period.end, { timeZone: data.project.basics.calendar.timeZone })}
                {goal.baseline !== null && t('goals.baseline', { value: formatNumber(goal.baseline) })}
              </span>
            </>
          ),
          actions: editable && <RemoveButton label={t('goals.remove', { name: goalLabel(t, goal) })} onClick={() => void remove(`/api/projects/${data.project.id}/goals/${goal.id}?withMilestones=true`, t('goals.removeQuestion'))} />,
        })}
      </ItemList>
      {editable && <GoalForm plan={plan} />}
    </Card>
  );
}

/**
 * What the goal form holds — the inputs' own text, the period as two days (the first and the
 * last) — turned into the contract's body, which then checks it: its SMART words are what the
 * form shows. Numbers go on as typed (a number when they read as one) so the contract names
 * what is wrong with one that is not. The days are the project calendar's.
 */
const goalForm = (zone: ZoneOption) =>
  z
  .object({
    metric: z.enum(goalMetrics),
    customMetricName: z.string(),
    unit: z.string(),
    direction: z.enum(goalDirections),
    baseline: z.string(),
    target: z.string(),
    period: z.object({ start: z.string(), end: z.string() }),
  })
  .transform(
    (goal) =>
      ({
        metric: goal.metric,
        ...(goal.metric === 'custom' ? { customMetricName: textOrUndefined(goal.customMetricName) } : {}),
        unit: textOrUndefined(goal.unit),
        direction: goal.direction,
        // Sent as typed text, so a target of 9007199254740993 is not first rounded by a JavaScript number.
        baseline: textOrUndefined(amountAsTyped(goal.baseline)) ?? null,
        // An empty field stays empty text, which the SMART check names ("Measurable: … no numeric target").
        target: amountAsTyped(goal.target),
        period: { start: startOfDay(goal.period.start, zone), end: afterDay(goal.period.end, zone) },
      }) as z.input<typeof NewGoalBody>,
  )
  .pipe(NewGoalBody);

function GoalForm({ plan }: { plan: PlanContext }) {
  const { t } = useTranslation(['plan', 'shared']);
  const { project } = plan.data;
  const { timeZone } = project.basics.calendar;
  const schema = useMemo(() => goalForm({ timeZone }), [timeZone]);
  const api = useApiForm({
    schema,
    defaultValues: {
      metric: 'revenue',
      customMetricName: '',
      unit: suggestedUnit(t, 'revenue'),
      direction: 'at_least',
      baseline: '',
      target: '',
      period: { start: dateInputValue(project.periodStart, { timeZone }), end: lastDayInputValue(project.periodEnd, { timeZone }) },
    },
    save: (body) => requestJson(Goal, 'POST', `/api/projects/${project.id}/goals`, body),
    onSaved: async (saved) => {
      saved.resetField('target');
      saved.resetField('baseline');
      await plan.reload();
    },
  });
  const { form, saving, errorOf } = api;
  const { register, getValues, setValue, watch } = form;
  const metric = register('metric');

  function chooseMetric(event: ChangeEvent<HTMLSelectElement>) {
    // Only a unit the page suggested is replaced; one the person typed stays.
    const unit = getValues('unit');
    if (unit === '' || unit === suggestedUnit(t, getValues('metric'))) setValue('unit', suggestedUnit(t, event.target.value as GoalMetric));
    return metric.onChange(event);
  }

  return (
    <ApiFormElement api={api} aria-label={t('goals.add')} className="subform" data-testid="goal-form" heading={<h3>{t('goals.add')}</h3>}>
      <div className="form-row">
        <Field label={t('common.metric')} error={errorOf('metric')}>
          {(props) => (
            <select {...props} {...metric} onChange={(event) => void chooseMetric(event)} data-testid="goal-metric">
              <Options items={goalMetrics} labelOf={(m) => metricLabel(t, m)} />
            </select>
          )}
        </Field>
        {watch('metric') === 'custom' && (
          <Field label={t('goals.customMetricName')} error={errorOf('customMetricName')}>
            {(props) => <input {...props} {...register('customMetricName')} />}
          </Field>
        )}
        <Field label={t('goals.unit')} error={errorOf('unit')}>
          {(props) => <input {...props} {...register('unit')} data-testid="goal-unit" />}
        </Field>
      </div>
      <div className="form-row">
        <SelectField label={t('goals.direction')} error={errorOf('direction')} registration={register('direction')}>
          <Options items={goalDirections} labelOf={(d) => t(`directions.${d}`)} />
        </SelectField>
        <Field label={t('common.target')} error={errorOf('target')}>
          {(props) => <input {...props} inputMode="decimal" {...register('target')} data-testid="goal-target" />}
        </Field>
        <Field label={t('goals.baselineLabel')} optional error={errorOf('baseline')}>
          {(props) => <input {...props} inputMode="decimal" {...register('baseline')} />}
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('goals.from')} error={errorOf('period.start')}>
          {(props) => <input {...props} type="date" {...register('period.start')} />}
        </Field>
        <Field label={t('common.lastDay')} error={errorOf('period.end') ?? form.formState.errors.period?.message}>
          {(props) => <input {...props} type="date" {...register('period.end')} />}
        </Field>
      </div>
      <FormActions saving={saving} label={t('goals.save')} savingLabel={t('shared:adding')} testId="goal-save" />
    </ApiFormElement>
  );
}
