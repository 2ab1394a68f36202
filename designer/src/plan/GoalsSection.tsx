import { useState, type FormEvent } from 'react';
import { goalDirections, goalMetrics, type GoalDirection, type GoalMetric } from '../../../workflows/domain/smart-goal';
import { Field, FormAlert } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { formatNumber, numberAsTyped, textOrUndefined } from '../shared/format';
import { requestJson, requestVoid } from '../shared/request';
import { afterDay, dateInputValue, formatPeriod, lastDayInputValue, startOfDay, toOffsetIso } from '../shared/time';
import { useSubmit } from '../shared/use-submit';
import { directionLabels, metricLabels, suggestedUnits } from './goal-labels';
import type { PlanContext } from './plan-data';
import { ItemList, RemoveButton, SectionError } from './ItemList';
import { Goal } from '../../../api/contract/goals';

const fields = ['metric', 'customMetricName', 'unit', 'direction', 'baseline', 'target', 'period.start', 'period.end', 'period'] as const;

export function GoalsSection({ plan }: { plan: PlanContext }) {
  const { data, editable, reload } = plan;
  const [removeError, setRemoveError] = useState<string | null>(null);

  async function remove(goalId: string) {
    if (!window.confirm('Remove this goal and the milestones split from it?')) return;
    try {
      await requestVoid('DELETE', `/api/projects/${data.project.id}/goals/${goalId}?withMilestones=true`);
      setRemoveError(null);
      await reload();
    } catch (error) {
      setRemoveError(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <section className="card" aria-labelledby="goals-title" data-testid="goals-section">
      <h2 id="goals-title">Goals</h2>
      <p className="field__help">SMART: a metric (Specific), a unit and target (Measurable), a reachable figure (Achievable) and a period (Time-bound).</p>
      <SectionError message={removeError} />
      <ItemList items={data.goals}>
        {(goal) => ({
          main: (
            <>
              <strong>{goal.metric === 'custom' ? goal.customMetricName : metricLabels[goal.metric]}</strong>{' '}
              {goal.direction === 'at_least' ? 'at least' : 'at most'} {formatNumber(goal.target)} {goal.unit}
              <br />
              <span className="small muted">
                {formatPeriod(goal.period.start, goal.period.end)}
                {goal.baseline !== null && ` · baseline ${formatNumber(goal.baseline)}`}
              </span>
            </>
          ),
          actions: editable && <RemoveButton label={`Remove goal ${goal.kpiMetric}`} onClick={() => void remove(goal.id)} />,
        })}
      </ItemList>
      {editable && <GoalForm plan={plan} />}
    </section>
  );
}

function GoalForm({ plan }: { plan: PlanContext }) {
  const { project } = plan.data;
  const [metric, setMetric] = useState<GoalMetric>('revenue');
  const [customName, setCustomName] = useState('');
  const [unit, setUnit] = useState(suggestedUnits.revenue);
  const [direction, setDirection] = useState<GoalDirection>('at_least');
  const [baseline, setBaseline] = useState('');
  const [target, setTarget] = useState('');
  const [start, setStart] = useState(() => dateInputValue(new Date(project.periodStart)));
  const [last, setLast] = useState(() => lastDayInputValue(project.periodEnd));
  const { errors, saving, formRef, run } = useSubmit(fields);

  function chooseMetric(next: GoalMetric) {
    // Only a unit the page suggested is replaced; one the person typed stays.
    if (unit === '' || unit === suggestedUnits[metric]) setUnit(suggestedUnits[next]);
    setMetric(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const periodStart = startOfDay(start);
    const periodEnd = afterDay(last);
    void run(async () => {
      await requestJson(Goal, 'POST', `/api/projects/${project.id}/goals`, {
        metric,
        ...(metric === 'custom' ? { customMetricName: textOrUndefined(customName) } : {}),
        unit: textOrUndefined(unit),
        direction,
        baseline: numberAsTyped(baseline) ?? null,
        target: numberAsTyped(target),
        period: { start: periodStart ? toOffsetIso(periodStart) : undefined, end: periodEnd ? toOffsetIso(periodEnd) : undefined },
      });
      setTarget('');
      setBaseline('');
      await plan.reload();
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Add a goal" className="subform" data-testid="goal-form">
      <h3>Add a goal</h3>
      <FormAlert errors={errors} />
      <div className="form-row">
        <Field label="Metric" error={errors.fields.metric}>
          {(props) => (
            <select {...props} value={metric} onChange={(event) => chooseMetric(event.target.value as GoalMetric)} data-testid="goal-metric">
              {goalMetrics.map((m) => (
                <option key={m} value={m}>
                  {metricLabels[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {metric === 'custom' && (
          <Field label="Custom metric name" error={errors.fields.customMetricName}>
            {(props) => <input {...props} value={customName} onChange={(event) => setCustomName(event.target.value)} />}
          </Field>
        )}
        <Field label="Unit" error={errors.fields.unit}>
          {(props) => <input {...props} value={unit} onChange={(event) => setUnit(event.target.value)} data-testid="goal-unit" />}
        </Field>
      </div>
      <div className="form-row">
        <Field label="Direction" error={errors.fields.direction}>
          {(props) => (
            <select {...props} value={direction} onChange={(event) => setDirection(event.target.value as GoalDirection)}>
              {goalDirections.map((d) => (
                <option key={d} value={d}>
                  {directionLabels[d]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Target" error={errors.fields.target}>
          {(props) => <input {...props} inputMode="decimal" value={target} onChange={(event) => setTarget(event.target.value)} data-testid="goal-target" />}
        </Field>
        <Field label="Baseline" optional error={errors.fields.baseline}>
          {(props) => <input {...props} inputMode="decimal" value={baseline} onChange={(event) => setBaseline(event.target.value)} />}
        </Field>
      </div>
      <div className="form-row">
        <Field label="From" error={errors.fields['period.start']}>
          {(props) => <input {...props} type="date" value={start} onChange={(event) => setStart(event.target.value)} />}
        </Field>
        <Field label="Last day" error={errors.fields['period.end'] ?? errors.fields.period}>
          {(props) => <input {...props} type="date" value={last} onChange={(event) => setLast(event.target.value)} />}
        </Field>
      </div>
      <FormActions saving={saving} label="Add goal" savingLabel="Adding…" testId="goal-save" />
    </form>
  );
}
