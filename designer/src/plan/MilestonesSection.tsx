import { Pencil } from 'lucide-react';
import { PersonSelectField, SelectField } from '../shared/SelectField';
import { Card } from '../shared/Card';
import { Options } from '../shared/Options';
import { TableHead } from '../shared/TableHead';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiFormElement } from '../shared/ApiFormElement';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { amountAsTyped, formatAmount, formatNumber, formatPct } from '../shared/format';
import { usePeople, usePeopleNames } from '../shared/people';
import { requestJson } from '../shared/request';
import { TimeText } from '../shared/TimeText';
import { dateTimeInputValue, fromLocalInput, type ZoneOption } from '../shared/time';
import { useApiForm } from '../shared/use-api-form';
import { unitLabel } from './duration-units';
import { goalLabel, kpiMetricLabel } from './goal-labels';
import type { PlanContext } from './plan-data';
import { RemoveButton, SectionError } from './ItemList';
import { useRemove } from './use-remove';
import { WarningFields } from './WarningFields';
import { warningFormDefaults, warningFormFields } from './warning-form';
import { NewPlanMilestoneBody, PlanMilestone } from '../../../api/contract/plan';
import type { Goal } from '../../../api/contract/goals';
import { HolidayNote } from '../calendars/HolidayNote';

export function MilestonesSection({ plan }: { plan: PlanContext }) {
  const { t } = useTranslation('plan');
  const { data, editable, reload } = plan;
  const nameOf = usePeopleNames();
  const [editing, setEditing] = useState<PlanMilestone | null>(null);
  const { error: removeError, remove: removeRow } = useRemove(reload);
  const goalOf = new Map(data.goals.map((g) => [g.id, g]));

  async function remove(milestone: PlanMilestone) {
    const removed = await removeRow(`/api/projects/${data.project.id}/milestones/${milestone.id}`, t('milestones.removeQuestion', { name: milestone.name }));
    if (removed && editing?.id === milestone.id) setEditing(null);
  }

  return (
    <Card title={t('milestones.title')} testId="milestones-section">
      <SectionError message={removeError} />
      {data.milestones.length === 0 ? (
        <p className="muted">{t('milestones.empty')}</p>
      ) : (
        <table className="table table--compact" data-testid="milestone-table">
          <TableHead columns={[t('milestones.milestone'), t('common.target'), t('common.due'), t('common.owner'), t('milestones.warning'), editable && { label: t('common.actions'), hidden: true }]} />
          <tbody>
            {data.milestones.map((m) => (
              <tr key={m.id} aria-current={editing?.id === m.id ? 'true' : undefined}>
                <td>
                  {m.name}
                  {m.description && <div className="small muted">{m.description}</div>}
                  {m.evidence && <div className="small muted">{t('milestones.shownBy', { evidence: m.evidence })}</div>}
                </td>
                <td>
                  <MilestoneTarget value={m.targetValue} goal={m.goalId ? goalOf.get(m.goalId) : undefined} metric={m.metric} />
                </td>
                <td>
                  <TimeText at={m.dueAt} hint={false} timeZone={data.project.basics.calendar.timeZone} />
                </td>
                <td>{nameOf(m.ownerId)}</td>
                <td className="small">
                  {m.warningOffset
                    ? t('warning.before', { amount: formatNumber(m.warningOffset.amount), unit: unitLabel(t, m.warningOffset.unit), threshold: formatPct(m.warningThresholdPct) })
                    : t('warning.atDueOnly', { threshold: formatPct(m.warningThresholdPct) })}
                </td>
                {editable && (
                  <td className="row-actions">
                    <button type="button" className="icon-button" aria-label={t('milestones.edit', { name: m.name })} onClick={() => setEditing(m)}>
                      <Pencil size={15} aria-hidden="true" />
                    </button>
                    <RemoveButton label={t('milestones.remove', { name: m.name })} onClick={() => void remove(m)} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && <MilestoneForm key={editing?.id ?? 'new'} plan={plan} editing={editing} onDone={() => setEditing(null)} />}
    </Card>
  );
}

/** A milestone's target in its goal's unit ("400,000 CNY", "¥400,000.00"), with what it measures. */
function MilestoneTarget({ value, goal, metric }: { value: string; goal: Goal | undefined; metric: string }) {
  const { t } = useTranslation('plan');
  return (
    <>
      {goal ? formatAmount(value, goal.unit) : formatNumber(value)} <span className="small muted">{goal ? goalLabel(t, goal) : kpiMetricLabel(metric)}</span>
    </>
  );
}

/**
 * The contract's body as the form holds it: the goal picker's "no goal" is empty, the due time is
 * what a datetime-local input holds (in the project calendar's zone), the warning rule an amount
 * (empty = at due time only) and a unit.
 */
const milestoneForm = (zone: ZoneOption) =>
  NewPlanMilestoneBody.extend({
  goalId: z
    .string()
    .transform((id): z.input<typeof NewPlanMilestoneBody.shape.goalId> => (id === '' ? null : id))
    .pipe(NewPlanMilestoneBody.shape.goalId),
  // An empty metric is left out: a milestone on a goal measures the goal's (its input is hidden then),
  // and one without a goal hears from the API that it needs one, next to the field.
  metric: z
    .string()
    .transform((text): z.input<typeof NewPlanMilestoneBody.shape.metric> => (text.trim() === '' ? undefined : text.trim()))
    .pipe(NewPlanMilestoneBody.shape.metric),
  // Sent as typed text: a JavaScript number would round a target past 2^53 before the API sees it.
  targetValue: z.string().transform((text): z.input<typeof NewPlanMilestoneBody.shape.targetValue> => amountAsTyped(text)).pipe(NewPlanMilestoneBody.shape.targetValue),
  dueAt: z
    .string()
    .transform((local) => fromLocalInput(local, zone))
    .pipe(NewPlanMilestoneBody.shape.dueAt),
  ...warningFormFields,
  });

function MilestoneForm({ plan, editing, onDone }: { plan: PlanContext; editing: PlanMilestone | null; onDone: () => void }) {
  const { t } = useTranslation(['plan', 'shared']);
  const { project, goals } = plan.data;
  const people = usePeople();
  const base = `/api/projects/${project.id}/milestones`;
  const { timeZone } = project.basics.calendar;
  const schema = useMemo(() => milestoneForm({ timeZone }), [timeZone]);
  const api = useApiForm({
    schema,
    defaultValues: {
      name: editing?.name ?? '',
      description: editing?.description ?? undefined,
      evidence: editing?.evidence ?? undefined,
      goalId: editing?.goalId ?? '',
      metric: editing?.goalId ? '' : (editing?.metric ?? ''),
      targetValue: editing?.targetValue ?? '',
      targetKind: editing?.targetKind ?? 'cumulative',
      periodStart: editing?.periodStart ?? undefined,
      dueAt: editing ? dateTimeInputValue(editing.dueAt, { timeZone }) : '',
      ownerId: editing?.ownerId ?? project.ownerId,
      teamId: editing?.teamId ?? undefined,
      ...warningFormDefaults(editing),
    },
    // A milestone with a goal measures the goal's metric: the API takes it from there.
    save: (body) => {
      const sent = body.goalId ? { ...body, metric: undefined } : body;
      return editing ? requestJson(PlanMilestone, 'PATCH', `${base}/${editing.id}`, sent) : requestJson(PlanMilestone, 'POST', base, sent);
    },
    onSaved: async (saved) => {
      if (!editing) {
        saved.resetField('name');
        saved.resetField('targetValue');
      }
      await plan.reload();
      onDone();
    },
  });
  const { form, saving, errorOf } = api;
  const { register, watch } = form;
  const goalId = watch('goalId');

  return (
    <ApiFormElement api={api} className="subform" aria-label={editing ? t('milestones.editForm', { name: editing.name }) : t('milestones.add')} data-testid="milestone-form" heading={<h3>{editing ? t('milestones.editHeading', { name: editing.name }) : t('milestones.add')}</h3>}>
      <div className="form-row">
        <Field label={t('common.name')} error={errorOf('name')}>
          {(props) => <input {...props} {...register('name')} />}
        </Field>
        <SelectField label={t('common.goal')} optional error={errorOf('goalId')} registration={register('goalId')}>
          <option value="">{t('milestones.noGoal')}</option>
          <Options items={goals} optionValue={(g) => g.id} labelOf={(g) => goalLabel(t, g)} />
        </SelectField>
        {!goalId && (
          <Field label={t('common.metric')} error={errorOf('metric')}>
            {(props) => <input {...props} {...register('metric')} placeholder={t('milestones.metricExample')} />}
          </Field>
        )}
      </div>
      <Field label={t('milestones.meaning')} optional error={errorOf('description')}>
        {(props) => <textarea {...props} rows={2} {...register('description', { setValueAs: (text: string | null | undefined) => (text ?? '').trim() || null })} />}
      </Field>
      <Field label={t('milestones.evidence')} optional error={errorOf('evidence')}>
        {(props) => <input {...props} {...register('evidence', { setValueAs: (text: string | null | undefined) => (text ?? '').trim() || null })} />}
      </Field>
      <div className="form-row">
        <Field label={t('milestones.targetCumulative')} error={errorOf('targetValue')}>
          {(props) => <input {...props} inputMode="decimal" {...register('targetValue')} />}
        </Field>
        <Field label={t('common.due')} error={errorOf('dueAt')}>
          {(props) => <input {...props} type="datetime-local" {...register('dueAt')} />}
        </Field>
        <PersonSelectField label={t('common.owner')} error={errorOf('ownerId')} registration={register('ownerId')} people={people} />
      </div>
      <HolidayNote value={watch('dueAt')} calendar={project.basics.calendar} />
      <div className="form-row">
        <WarningFields
          offsetAmount={register('warningOffset.amount')}
          offsetUnit={register('warningOffset.unit')}
          threshold={register('warningThresholdPct')}
          errors={{ warningOffset: errorOf('warningOffset'), warningThresholdPct: errorOf('warningThresholdPct') }}
        />
      </div>
      {errorOf('periodStart') && <p className="field__error">{errorOf('periodStart')}</p>}
      <FormActions saving={saving} label={editing ? t('milestones.save') : t('milestones.addButton')} savingLabel={t('shared:saving')}>
        {editing && (
          <button type="button" className="button" onClick={onDone}>
            {t('shared:cancel')}
          </button>
        )}
      </FormActions>
    </ApiFormElement>
  );
}
