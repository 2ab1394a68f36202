import { Pencil } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Field, FormAlert } from '../shared/Field';
import { formatNumber, numberAsTyped, textOrUndefined } from '../shared/format';
import { usePeople, usePeopleNames } from '../shared/people';
import { requestJson, requestVoid } from '../shared/request';
import { TimeText } from '../shared/TimeText';
import { dateTimeInputValue, fromLocalInput, toOffsetIso } from '../shared/time';
import { useSubmit } from '../shared/use-submit';
import { unitLabel } from './duration-units';
import type { PlanContext } from './plan-data';
import { RemoveButton, SectionError } from './ItemList';
import { PersonOptions } from '../shared/PersonOptions';
import { WarningFields } from './WarningFields';
import { PlanMilestone } from '../../../api/contract/plan';

const fields = ['name', 'goalId', 'metric', 'targetValue', 'dueAt', 'ownerId', 'warningOffset', 'warningThresholdPct', 'periodStart'] as const;

export function MilestonesSection({ plan }: { plan: PlanContext }) {
  const { data, editable, reload } = plan;
  const nameOf = usePeopleNames();
  const [editing, setEditing] = useState<PlanMilestone | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const goalName = new Map(data.goals.map((g) => [g.id, g.kpiMetric]));

  async function remove(milestone: PlanMilestone) {
    if (!window.confirm(`Remove the milestone “${milestone.name}”?`)) return;
    try {
      await requestVoid('DELETE', `/api/projects/${data.project.id}/milestones/${milestone.id}`);
      setRemoveError(null);
      if (editing?.id === milestone.id) setEditing(null);
      await reload();
    } catch (error) {
      setRemoveError(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <section className="card" aria-labelledby="milestones-title" data-testid="milestones-section">
      <h2 id="milestones-title">Milestones</h2>
      <SectionError message={removeError} />
      {data.milestones.length === 0 ? (
        <p className="muted">No milestones yet: create them from the target split, or add them one by one.</p>
      ) : (
        <table className="table table--compact" data-testid="milestone-table">
          <thead>
            <tr>
              <th scope="col">Milestone</th>
              <th scope="col">Target</th>
              <th scope="col">Due</th>
              <th scope="col">Owner</th>
              <th scope="col">Warning</th>
              {editable && <th scope="col" className="sr-only">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {data.milestones.map((m) => (
              <tr key={m.id} aria-current={editing?.id === m.id ? 'true' : undefined}>
                <td>{m.name}</td>
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
    </section>
  );
}

function MilestoneForm({ plan, editing, onDone }: { plan: PlanContext; editing: PlanMilestone | null; onDone: () => void }) {
  const { project, goals } = plan.data;
  const people = usePeople();
  const [name, setName] = useState(editing?.name ?? '');
  const [goalId, setGoalId] = useState(editing?.goalId ?? '');
  const [metric, setMetric] = useState(editing?.goalId ? '' : (editing?.metric ?? ''));
  const [target, setTarget] = useState(editing?.targetValue ?? '');
  const [due, setDue] = useState(editing ? dateTimeInputValue(new Date(editing.dueAt)) : '');
  const [ownerId, setOwnerId] = useState(editing?.ownerId ?? project.ownerId);
  const [offsetAmount, setOffsetAmount] = useState(editing?.warningOffset ? String(editing.warningOffset.amount) : '');
  const [offsetUnit, setOffsetUnit] = useState<string>(editing?.warningOffset?.unit ?? 'business_days');
  const [threshold, setThreshold] = useState(String(editing?.warningThresholdPct ?? 80));
  const { errors, saving, formRef, run } = useSubmit(fields);

  function submit(event: FormEvent) {
    event.preventDefault();
    const dueAt = fromLocalInput(due);
    const amount = numberAsTyped(offsetAmount);
    const body = {
      name: textOrUndefined(name),
      ...(goalId ? { goalId } : editing?.goalId ? { goalId: null } : {}),
      ...(goalId ? {} : { metric: textOrUndefined(metric) }),
      targetValue: numberAsTyped(target),
      dueAt: dueAt ? toOffsetIso(dueAt) : undefined,
      ownerId,
      warningOffset: amount === undefined ? null : { amount, unit: offsetUnit },
      warningThresholdPct: numberAsTyped(threshold),
    };
    void run(async () => {
      const base = `/api/projects/${project.id}/milestones`;
      if (editing) await requestJson(PlanMilestone, 'PATCH', `${base}/${editing.id}`, body);
      else await requestJson(PlanMilestone, 'POST', base, body);
      if (!editing) {
        setName('');
        setTarget('');
      }
      await plan.reload();
      onDone();
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="subform" aria-label={editing ? `Edit milestone ${editing.name}` : 'Add a milestone'} data-testid="milestone-form">
      <h3>{editing ? `Edit “${editing.name}”` : 'Add a milestone'}</h3>
      <FormAlert errors={errors} />
      <div className="form-row">
        <Field label="Name" error={errors.fields.name}>
          {(props) => <input {...props} value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field label="Goal" optional error={errors.fields.goalId}>
          {(props) => (
            <select {...props} value={goalId} onChange={(event) => setGoalId(event.target.value)}>
              <option value="">No goal (own metric)</option>
              {goals.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.kpiMetric}
                </option>
              ))}
            </select>
          )}
        </Field>
        {!goalId && (
          <Field label="Metric" error={errors.fields.metric}>
            {(props) => <input {...props} value={metric} onChange={(event) => setMetric(event.target.value)} placeholder="e.g. revenue" />}
          </Field>
        )}
      </div>
      <div className="form-row">
        <Field label="Target (cumulative)" error={errors.fields.targetValue}>
          {(props) => <input {...props} inputMode="decimal" value={target} onChange={(event) => setTarget(event.target.value)} />}
        </Field>
        <Field label="Due" error={errors.fields.dueAt}>
          {(props) => <input {...props} type="datetime-local" value={due} onChange={(event) => setDue(event.target.value)} />}
        </Field>
        <Field label="Owner" error={errors.fields.ownerId}>
          {(props) => (
            <select {...props} value={ownerId} onChange={(event) => setOwnerId(event.target.value)}>
              <PersonOptions people={people} />
            </select>
          )}
        </Field>
      </div>
      <div className="form-row">
        <WarningFields
          offsetAmount={[offsetAmount, setOffsetAmount]}
          offsetUnit={[offsetUnit, setOffsetUnit]}
          threshold={[threshold, setThreshold]}
          errors={errors.fields}
        />
      </div>
      {errors.fields.periodStart && <p className="field__error">{errors.fields.periodStart}</p>}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : editing ? 'Save milestone' : 'Add milestone'}
        </button>
        {editing && (
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
