import { CheckCircle2 } from 'lucide-react';
import { Card } from '../shared/Card';
import { Options } from '../shared/Options';
import { TableHead } from '../shared/TableHead';
import { Fragment, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { Field, FormAlert } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { formatNumber, numberAsTyped } from '../shared/format';
import { usePeople } from '../shared/people';
import { requestJson } from '../shared/request';
import { formatDate } from '../shared/time';
import { useSubmit } from '../shared/use-submit';
import { decompositionTree, sharesOf } from './decomposition-tree';
import type { PlanContext } from './plan-data';
import { useDecompositionPreview, type PreviewAsk } from './use-decomposition-preview';
import { PersonOptions } from '../shared/PersonOptions';
import { WarningFields } from './WarningFields';
import { DoneNote } from '../shared/DoneNote';

const applyFields = ['ownerId', 'warningOffset', 'warningThresholdPct', 'replace'] as const;

const weightAsTyped = (text: string): number | string => numberAsTyped(text) ?? text;

/**
 * A goal's target split over its period — year → quarters → months — computed by the API as the
 * weights are typed, then turned into one milestone per part with its cumulative target.
 */
export function DecompositionSection({ plan }: { plan: PlanContext }) {
  const { data, editable } = plan;
  const [goalId, setGoalId] = useState(data.goals[0]?.id ?? '');
  const [granularity, setGranularity] = useState<'quarter' | 'month'>('quarter');
  const [scale, setScale] = useState(0);
  const [weights, setWeights] = useState<string[] | null>(null);
  const chosen = data.goals.find((g) => g.id === goalId) ?? data.goals[0];

  const ask: PreviewAsk | null = chosen ? { goalId: chosen.id, granularity, scale, weights: weights === null ? null : weights.map(weightAsTyped) } : null;
  const state = useDecompositionPreview(data.project.id, ask);
  const preview = state.preview && chosen && state.preview.goalId === chosen.id && state.preview.granularity === granularity ? state.preview : null;
  const tree = preview ? decompositionTree(preview) : null;
  const shares = preview ? sharesOf(preview) : [];

  function reset(next: () => void) {
    next();
    setWeights(null);
  }

  function editWeight(index: number, value: string) {
    const base = weights ?? shares.map(String);
    setWeights(base.map((w, i) => (i === index ? value : w)));
  }

  if (data.goals.length === 0) {
    return (
      <Card title="Target split">
        <p className="muted">Add a goal first; its target can then be split into quarters or months.</p>
      </Card>
    );
  }

  const weightError = (index: number) => state.error?.details[`weights.${index}`];
  const sumOk = tree !== null && preview !== null && Number(tree.total) === Number(preview.total);

  return (
    <Card title="Target split" testId="decomposition">
      <p className="field__help">The parts always add up to the target. Weights are relative: 2 and 1 give two thirds and one third.</p>
      <div className="form-row">
        <Field label="Goal">
          {(props) => (
            <select {...props} value={chosen?.id ?? ''} onChange={(event) => reset(() => setGoalId(event.target.value))} data-testid="split-goal">
              <Options items={data.goals} optionValue={(g) => g.id} labelOf={(g) => <>{g.kpiMetric}: {formatNumber(g.target)} {g.unit}</>} />
            </select>
          )}
        </Field>
        <Field label="Split by" error={state.error?.details.granularity}>
          {(props) => (
            <select {...props} value={granularity} onChange={(event) => reset(() => setGranularity(event.target.value === 'month' ? 'month' : 'quarter'))} data-testid="split-granularity">
              <option value="quarter">Quarters</option>
              <option value="month">Months</option>
            </select>
          )}
        </Field>
        <Field label="Rounding" error={state.error?.details.scale}>
          {(props) => (
            <select {...props} value={scale} onChange={(event) => setScale(Number(event.target.value))}>
              <option value={0}>Whole units</option>
              <option value={2}>Two decimals</option>
            </select>
          )}
        </Field>
      </div>

      {state.error && (
        <div className="callout callout--error" role="alert" data-testid="split-error">
          <p>{Object.values(state.error.details).find((m) => m) ?? state.error.message}</p>
        </div>
      )}

      {tree && preview ? (
        <table className={`split${state.current ? '' : ' split--stale'}`} aria-busy={state.loading} data-testid="split-preview">
          <caption className="sr-only">Target split of {preview.metric}, in {preview.timeZone}</caption>
          <TableHead columns={['Period', 'Weight', { label: 'Target', num: true }, { label: 'Cumulative (milestone)', num: true }]} />
          <tbody>
            {tree.years.map((year) => (
              <Fragment key={year.label}>
                <tr className="split__year">
                  <th scope="row">{year.label}</th>
                  <td />
                  <td className="num">{formatNumber(year.amount)}</td>
                  <td />
                </tr>
                {year.quarters.map((quarter) => {
                  const single = quarter.parts.length === 1 && quarter.parts[0]?.label === quarter.label;
                  return (
                    <Fragment key={quarter.label}>
                      {!single && (
                        <tr className="split__quarter">
                          <th scope="row">{quarter.label}</th>
                          <td />
                          <td className="num">{formatNumber(quarter.amount)}</td>
                          <td />
                        </tr>
                      )}
                      {quarter.parts.map((part) => (
                        <tr key={part.label} className={single ? 'split__quarter' : 'split__month'}>
                          <th scope="row">
                            {part.label} <span className="small muted">until {formatDate(new Date(Date.parse(part.end) - 1).toISOString())}</span>
                          </th>
                          <td>
                            <input
                              className="split__weight"
                              aria-label={`Weight of ${part.label}`}
                              inputMode="decimal"
                              value={weights?.[part.index] ?? ''}
                              placeholder={String(shares[part.index] ?? '')}
                              onChange={(event) => editWeight(part.index, event.target.value)}
                              aria-invalid={Boolean(weightError(part.index))}
                              title={weightError(part.index)}
                              disabled={!editable}
                              data-testid={`weight-${part.label}`}
                            />
                          </td>
                          <td className="num" data-testid={`amount-${part.label}`}>
                            {formatNumber(part.amount)}
                          </td>
                          <td className="num muted">{formatNumber(part.cumulative)}</td>
                        </tr>
                      ))}
                    </Fragment>
                  );
                })}
              </Fragment>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td>
                {weights !== null && (
                  <button type="button" className="link" onClick={() => setWeights(null)}>
                    Even split
                  </button>
                )}
              </td>
              <td className="num" data-testid="split-total">
                {formatNumber(tree.total)}
              </td>
              <td className="num">
                {sumOk && (
                  <span className="good-text">
                    <CheckCircle2 size={14} aria-hidden="true" /> equals the target
                  </span>
                )}
              </td>
            </tr>
          </tfoot>
        </table>
      ) : (
        !state.error && <p className="muted">Computing the split…</p>
      )}

      {editable && chosen && preview && <ApplySplit plan={plan} ask={{ goalId: chosen.id, granularity, scale, weights: weights === null ? null : weights.map(weightAsTyped) }} parts={preview.parts.length} />}
    </Card>
  );
}

function ApplySplit({ plan, ask, parts }: { plan: PlanContext; ask: PreviewAsk; parts: number }) {
  const people = usePeople();
  const [ownerId, setOwnerId] = useState(plan.data.project.ownerId);
  const [offsetAmount, setOffsetAmount] = useState('');
  const [offsetUnit, setOffsetUnit] = useState<string>('business_days');
  const [threshold, setThreshold] = useState('80');
  const [replace, setReplace] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { errors, saving, formRef, run } = useSubmit(applyFields);
  const hasMilestones = plan.data.milestones.some((m) => m.goalId === ask.goalId);

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const amount = numberAsTyped(offsetAmount);
    void run(async () => {
      const applied = await requestJson(z.object({ milestones: z.array(z.unknown()) }), 'POST', `/api/projects/${plan.data.project.id}/decomposition/apply`, {
        goalId: ask.goalId,
        granularity: ask.granularity,
        scale: ask.scale,
        ...(ask.weights === null ? {} : { weights: ask.weights }),
        ownerId,
        warningOffset: amount === undefined ? null : { amount, unit: offsetUnit },
        warningThresholdPct: numberAsTyped(threshold),
        replace,
      });
      setDone(`Created ${applied.milestones.length} milestones.`);
      await plan.reload();
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="subform" aria-label="Create milestones from the split">
      <h3>Create {parts} milestones from this split</h3>
      <FormAlert errors={errors} />
      <div className="form-row">
        <Field label="Milestone owner" error={errors.fields.ownerId}>
          {(props) => (
            <select {...props} value={ownerId} onChange={(event) => setOwnerId(event.target.value)}>
              <PersonOptions people={people} />
            </select>
          )}
        </Field>
        <WarningFields
          offsetAmount={[offsetAmount, setOffsetAmount]}
          offsetUnit={[offsetUnit, setOffsetUnit]}
          threshold={[threshold, setThreshold]}
          errors={errors.fields}
          offsetHelp="When the at-risk check runs."
        />
      </div>
      {(hasMilestones || errors.fields.replace || errors.summary?.includes('replace')) && (
        <label className="check">
          <input type="checkbox" checked={replace} onChange={(event) => setReplace(event.target.checked)} /> Replace the goal’s existing milestones
        </label>
      )}
      <FormActions saving={saving} label="Create milestones" savingLabel="Creating…" testId="split-apply">
        <DoneNote text={done} />
      </FormActions>
    </form>
  );
}
