import { CheckCircle2 } from 'lucide-react';
import { Card } from '../shared/Card';
import { Options } from '../shared/Options';
import { TableHead } from '../shared/TableHead';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFormElement } from '../shared/ApiFormElement';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { formatAmount, formatNumber, numberAsTyped } from '../shared/format';
import { usePeople } from '../shared/people';
import { requestJson } from '../shared/request';
import { formatDate, timeZoneLabel } from '../shared/time';
import { goalLabel } from './goal-labels';
import { PersonSelectField } from '../shared/SelectField';
import { useApiForm } from '../shared/use-api-form';
import { decompositionTree, sharesOf } from './decomposition-tree';
import type { PlanContext } from './plan-data';
import { useDecompositionPreview, type PreviewAsk } from './use-decomposition-preview';
import { WarningFields } from './WarningFields';
import { warningFormDefaults, warningFormFields } from './warning-form';
import { AppliedDecomposition, ApplyDecompositionBody } from '../../../api/contract/plan';
import { DoneNote } from '../shared/DoneNote';

/** How the target can be split: by calendar quarter or by month. */
const granularities = ['quarter', 'month'] as const;

const weightAsTyped = (text: string): number | string => numberAsTyped(text) ?? text;

/**
 * A goal's target split over its period — year → quarters → months — computed by the API as the
 * weights are typed, then turned into one milestone per part with its cumulative target.
 */
export function DecompositionSection({ plan }: { plan: PlanContext }) {
  const { t } = useTranslation('plan');
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
      <Card title={t('split.title')}>
        <p className="muted">{t('split.noGoal')}</p>
      </Card>
    );
  }

  const weightError = (index: number) => state.error?.details[`weights.${index}`];
  const sumOk = tree !== null && preview !== null && Number(tree.total) === Number(preview.total);

  return (
    <Card title={t('split.title')} testId="decomposition">
      <p className="field__help">{t('split.help')}</p>
      <div className="form-row">
        <Field label={t('common.goal')}>
          {(props) => (
            <select {...props} value={chosen?.id ?? ''} onChange={(event) => reset(() => setGoalId(event.target.value))} data-testid="split-goal">
              <Options items={data.goals} optionValue={(g) => g.id} labelOf={(g) => t('split.goalOption', { metric: goalLabel(t, g), amount: formatAmount(g.target, g.unit) })} />
            </select>
          )}
        </Field>
        <Field label={t('split.splitBy')} error={state.error?.details.granularity}>
          {(props) => (
            <select {...props} value={granularity} onChange={(event) => reset(() => setGranularity(event.target.value === 'month' ? 'month' : 'quarter'))} data-testid="split-granularity">
              <Options items={granularities} labelOf={(g) => (g === 'quarter' ? t('split.quarters') : t('split.months'))} />
            </select>
          )}
        </Field>
        <Field label={t('split.rounding')} error={state.error?.details.scale}>
          {(props) => (
            <select {...props} value={scale} onChange={(event) => setScale(Number(event.target.value))}>
              <option value={0}>{t('split.wholeUnits')}</option>
              <option value={2}>{t('split.twoDecimals')}</option>
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
          <caption className="sr-only">{t('split.caption', { metric: chosen ? goalLabel(t, chosen) : preview.metric, zone: timeZoneLabel(preview.timeZone) })}</caption>
          <TableHead columns={[t('split.period'), t('split.weight'), { label: t('common.target'), num: true }, { label: t('split.cumulative'), num: true }]} />
          <tbody>
            {tree.years.map((year) => (
              <Fragment key={year.label}>
                <SubtotalRow level="year" label={year.label} amount={year.amount} />
                {year.quarters.map((quarter) => {
                  const single = quarter.parts.length === 1 && quarter.parts[0]?.label === quarter.label;
                  return (
                    <Fragment key={quarter.label}>
                      {!single && <SubtotalRow level="quarter" label={quarter.label} amount={quarter.amount} />}
                      {quarter.parts.map((part) => (
                        <tr key={part.label} className={single ? 'split__quarter' : 'split__month'}>
                          <th scope="row">
                            {part.label} <span className="small muted">{t('split.until', { date: formatDate(new Date(Date.parse(part.end) - 1).toISOString(), { timeZone: preview.timeZone }) })}</span>
                          </th>
                          <td>
                            <input
                              className="split__weight"
                              aria-label={t('split.weightOf', { part: part.label })}
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
              <th scope="row">{t('common.total')}</th>
              <td>
                {weights !== null && (
                  <button type="button" className="link" onClick={() => setWeights(null)}>
                    {t('split.evenSplit')}
                  </button>
                )}
              </td>
              <td className="num" data-testid="split-total">
                {formatNumber(tree.total)}
              </td>
              <td className="num">
                {sumOk && (
                  <span className="good-text">
                    <CheckCircle2 size={14} aria-hidden="true" /> {t('split.equalsTarget')}
                  </span>
                )}
              </td>
            </tr>
          </tfoot>
        </table>
      ) : (
        !state.error && <p className="muted">{t('split.computing')}</p>
      )}

      {editable && chosen && preview && <ApplySplit plan={plan} ask={{ goalId: chosen.id, granularity, scale, weights: weights === null ? null : weights.map(weightAsTyped) }} parts={preview.parts.length} />}
    </Card>
  );
}

/** A year's or a quarter's share of the target, above the parts it is made of (nothing to weigh on it). */
function SubtotalRow({ level, label, amount }: { level: 'year' | 'quarter'; label: string; amount: number | string }) {
  return (
    <tr className={`split__${level}`}>
      <th scope="row">{label}</th>
      <td />
      <td className="num">{formatNumber(amount)}</td>
      <td />
    </tr>
  );
}

/** The split's milestones as the form holds them: an owner, the at-risk rule, and whether to replace the goal's. */
const applyForm = ApplyDecompositionBody.pick({ ownerId: true, replace: true }).extend(warningFormFields);

function ApplySplit({ plan, ask, parts }: { plan: PlanContext; ask: PreviewAsk; parts: number }) {
  const { t } = useTranslation(['plan', 'shared']);
  const people = usePeople();
  const [done, setDone] = useState<string | null>(null);
  const hasMilestones = plan.data.milestones.some((m) => m.goalId === ask.goalId);
  const api = useApiForm({
    schema: applyForm,
    defaultValues: { ownerId: plan.data.project.ownerId, ...warningFormDefaults(), replace: false },
    // The split itself (goal, granularity, weights) is what the preview above shows.
    save: async (body) => {
      setDone(null);
      const applied = await requestJson(AppliedDecomposition, 'POST', `/api/projects/${plan.data.project.id}/decomposition/apply`, {
        goalId: ask.goalId,
        granularity: ask.granularity,
        scale: ask.scale,
        ...(ask.weights === null ? {} : { weights: ask.weights }),
        ...body,
      });
      setDone(t('split.created', { count: applied.milestones.length }));
    },
    onSaved: () => plan.reload(),
  });
  const { form, saving, alert, errorOf } = api;
  const { register } = form;

  return (
    <ApiFormElement api={api} className="subform" aria-label={t('split.apply')} heading={<h3>{t('split.applyHeading', { count: parts })}</h3>}>
      <div className="form-row">
        <PersonSelectField label={t('split.milestoneOwner')} error={errorOf('ownerId')} registration={register('ownerId')} people={people} />
        <WarningFields
          offsetAmount={register('warningOffset.amount')}
          offsetUnit={register('warningOffset.unit')}
          threshold={register('warningThresholdPct')}
          errors={{ warningOffset: errorOf('warningOffset'), warningThresholdPct: errorOf('warningThresholdPct') }}
          offsetHelp={t('split.offsetHelp')}
        />
      </div>
      {(hasMilestones || errorOf('replace') || alert.summary?.includes('replace')) && (
        <label className="check">
          <input type="checkbox" {...register('replace')} /> {t('split.replace')}
        </label>
      )}
      <FormActions saving={saving} label={t('split.create')} savingLabel={t('shared:creating')} testId="split-apply">
        <DoneNote text={done} />
      </FormActions>
    </ApiFormElement>
  );
}
