import { Pencil } from 'lucide-react';
import { SelectField } from '../shared/SelectField';
import { Card } from '../shared/Card';
import { Options } from '../shared/Options';
import { TableHead } from '../shared/TableHead';
import { useState } from 'react';
import { z } from 'zod';
import { ApiFormElement } from '../shared/ApiFormElement';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { formatNumber } from '../shared/format';
import { usePeople, usePeopleNames } from '../shared/people';
import { requestJson } from '../shared/request';
import { TimeText } from '../shared/TimeText';
import { dateTimeInputValue, fromLocalInput, toOffsetIso } from '../shared/time';
import { useApiForm } from '../shared/use-api-form';
import { unitLabel } from './duration-units';
import type { PlanContext } from './plan-data';
import { RemoveButton, SectionError } from './ItemList';
import { useRemove } from './use-remove';
import { PersonOptions } from '../shared/PersonOptions';
import { WarningFields } from './WarningFields';
import { warningFormDefaults, warningFormFields } from './warning-form';
import { NewPlanMilestoneBody, PlanMilestone } from '../../../api/contract/plan';
import { HolidayNote } from '../calendars/HolidayNote';

export function MilestonesSection({ plan }: { plan: PlanContext }) {
  const { data, editable, reload } = plan;
  const nameOf = usePeopleNames();
  const [editing, setEditing] = useState<PlanMilestone | null>(null);
  const { error: removeError, remove: removeRow } = useRemove(reload);
  const goalName = new Map(data.goals.map((g) => [g.id, g.kpiMetric]));

  async function remove(milestone: PlanMilestone) {
    const removed = await removeRow(`/api/projects/${data.project.id}/milestones/${milestone.id}`, `Remove the milestone “${milestone.name}”?`);
    if (removed && editing?.id === milestone.id) setEditing(null);
  }

  return (
    <Card title="Milestones" testId="milestones-section">
      <SectionError message={removeError} />
      {data.milestones.length === 0 ? (
        <p className="muted">No milestones yet: create them from the target split, or add them one by one.</p>
      ) : (
        <table className="table table--compact" data-testid="milestone-table">
          <TableHead columns={['Milestone', 'Target', 'Due', 'Owner', 'Warning', editable && { label: 'Actions', hidden: true }]} />
          <tbody>
            {data.milestones.map((m) => (
              <tr key={m.id} aria-current={editing?.id === m.id ? 'true' : undefined}>
                <td>
                  {m.name}
                  {m.description && <div className="small muted">{m.description}</div>}
                  {m.evidence && <div className="small muted">Shown by: {m.evidence}</div>}
                </td>
                <td>
                  {formatNumber(m.targetValue)} <span className="small muted">{m.goalId ? goalName.get(m.goalId) : m.metric}</span>
                </td>
                <td>
                  <TimeText at={m.dueAt} hint={false} />
                </td>
                <td>{nameOf(m.ownerId)}</td>
                <td className="small">
                  {m.warningOffset ? `${m.warningOffset.amount} ${unitLabel(m.warningOffset.unit)} before, ` : 'at due time only, '}
                  below {m.warningThresholdPct} %
                </td>
                {editable && (
                  <td className="row-actions">
                    <button type="button" className="icon-button" aria-label={`Edit ${m.name}`} onClick={() => setEditing(m)}>
                      <Pencil size={15} aria-hidden="true" />
                    </button>
                    <RemoveButton label={`Remove ${m.name}`} onClick={() => void remove(m)} />
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

/**
 * The contract's body as the form holds it: the goal picker's "no goal" is empty, the due time is
 * what a datetime-local input holds, the warning rule an amount (empty = at due time only) and a unit.
 */
const milestoneForm = NewPlanMilestoneBody.extend({
  goalId: z
    .string()
    .transform((id): z.input<typeof NewPlanMilestoneBody.shape.goalId> => (id === '' ? null : id))
    .pipe(NewPlanMilestoneBody.shape.goalId),
  // Sent as typed text: a JavaScript number would round a target past 2^53 before the API sees it.
  targetValue: z.string().transform((text): z.input<typeof NewPlanMilestoneBody.shape.targetValue> => text.trim()).pipe(NewPlanMilestoneBody.shape.targetValue),
  dueAt: z
    .string()
    .transform((local) => {
      const at = fromLocalInput(local);
      return at === null ? undefined : toOffsetIso(at);
    })
    .pipe(NewPlanMilestoneBody.shape.dueAt),
  ...warningFormFields,
});

function MilestoneForm({ plan, editing, onDone }: { plan: PlanContext; editing: PlanMilestone | null; onDone: () => void }) {
  const { project, goals } = plan.data;
  const people = usePeople();
  const base = `/api/projects/${project.id}/milestones`;
  const api = useApiForm({
    schema: milestoneForm,
    defaultValues: {
      name: editing?.name ?? '',
      description: editing?.description ?? undefined,
      evidence: editing?.evidence ?? undefined,
      goalId: editing?.goalId ?? '',
      metric: editing?.goalId ? '' : (editing?.metric ?? ''),
      targetValue: editing?.targetValue ?? '',
      targetKind: editing?.targetKind ?? 'cumulative',
      periodStart: editing?.periodStart ?? undefined,
      dueAt: editing ? dateTimeInputValue(new Date(editing.dueAt)) : '',
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
    <ApiFormElement api={api} className="subform" aria-label={editing ? `Edit milestone ${editing.name}` : 'Add a milestone'} data-testid="milestone-form" heading={<h3>{editing ? `Edit “${editing.name}”` : 'Add a milestone'}</h3>}>
      <div className="form-row">
        <Field label="Name" error={errorOf('name')}>
          {(props) => <input {...props} {...register('name')} />}
        </Field>
        <SelectField label="Goal" optional error={errorOf('goalId')} registration={register('goalId')}>
          <option value="">No goal (own metric)</option>
          <Options items={goals} optionValue={(g) => g.id} labelOf={(g) => g.kpiMetric} />
        </SelectField>
        {!goalId && (
          <Field label="Metric" error={errorOf('metric')}>
            {(props) => <input {...props} {...register('metric')} placeholder="e.g. revenue" />}
          </Field>
        )}
      </div>
      <Field label="What it means for the team" optional error={errorOf('description')}>
        {(props) => <textarea {...props} rows={2} {...register('description', { setValueAs: (text: string | null | undefined) => (text ?? '').trim() || null })} />}
      </Field>
      <Field label="Where the team shows it is met" optional error={errorOf('evidence')}>
        {(props) => <input {...props} {...register('evidence', { setValueAs: (text: string | null | undefined) => (text ?? '').trim() || null })} />}
      </Field>
      <div className="form-row">
        <Field label="Target (cumulative)" error={errorOf('targetValue')}>
          {(props) => <input {...props} inputMode="decimal" {...register('targetValue')} />}
        </Field>
        <Field label="Due" error={errorOf('dueAt')}>
          {(props) => <input {...props} type="datetime-local" {...register('dueAt')} />}
        </Field>
        <SelectField label="Owner" error={errorOf('ownerId')} registration={register('ownerId')}>
          <PersonOptions people={people} />
        </SelectField>
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
      <FormActions saving={saving} label={editing ? 'Save milestone' : 'Add milestone'} savingLabel="Saving…">
        {editing && (
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
        )}
      </FormActions>
    </ApiFormElement>
  );
}
