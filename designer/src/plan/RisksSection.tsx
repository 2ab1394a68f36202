import { Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Field, FormAlert } from '../shared/Field';
import { numberAsTyped, textOrUndefined } from '../shared/format';
import { usePeople, usePeopleNames } from '../shared/people';
import { requestJson } from '../shared/request';
import { useSubmit } from '../shared/use-submit';
import type { PlanContext } from './plan-data';
import { useRemove } from './use-remove';
import { PersonOptions } from '../shared/PersonOptions';
import { Risk } from '../../../api/contract/risks';

const fields = ['title', 'probability', 'impact', 'ownerId', 'mitigation', 'earlyWarning'] as const;
const ratings = [1, 2, 3, 4, 5];

export function RisksSection({ plan }: { plan: PlanContext }) {
  const { data, editable, reload } = plan;
  const nameOf = usePeopleNames();
  const { error, remove } = useRemove(reload);
  const base = `/api/projects/${data.project.id}/risks`;
  return (
    <section className="card" aria-labelledby="risks-title">
      <h2 id="risks-title">Risks</h2>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {data.risks.length === 0 ? (
        <p className="muted">No risks yet.</p>
      ) : (
        <ul className="item-list">
          {[...data.risks]
            .sort((a, b) => b.score - a.score)
            .map((risk) => (
              <li key={risk.id} className="item-list__item">
                <div>
                  <span className={`score score--${risk.score >= 15 ? 'high' : risk.score >= 8 ? 'mid' : 'low'}`}>{risk.score}</span> <strong>{risk.title}</strong>{' '}
                  <span className="small muted">({risk.status})</span>
                  <br />
                  <span className="small muted">
                    probability {risk.probability} × impact {risk.impact} · owner {nameOf(risk.ownerId)}
                    {risk.earlyWarning && ` · warns when ${risk.earlyWarning.metric} goes ${risk.earlyWarning.direction} ${risk.earlyWarning.threshold}`}
                  </span>
                </div>
                {editable && (
                  <button type="button" className="icon-button" aria-label={`Remove risk ${risk.title}`} onClick={() => void remove(`${base}/${risk.id}`, `Remove the risk “${risk.title}”?`)}>
                    <Trash2 size={15} aria-hidden="true" />
                  </button>
                )}
              </li>
            ))}
        </ul>
      )}
      {editable && <RiskForm plan={plan} />}
    </section>
  );
}

function RiskForm({ plan }: { plan: PlanContext }) {
  const people = usePeople();
  const [title, setTitle] = useState('');
  const [probability, setProbability] = useState('3');
  const [impact, setImpact] = useState('3');
  const [ownerId, setOwnerId] = useState('');
  const [mitigation, setMitigation] = useState('');
  const [warnMetric, setWarnMetric] = useState('');
  const [warnDirection, setWarnDirection] = useState<'above' | 'below'>('below');
  const [warnThreshold, setWarnThreshold] = useState('');
  const { errors, saving, formRef, run } = useSubmit(fields);

  function submit(event: FormEvent) {
    event.preventDefault();
    const watch = warnMetric.trim() !== '' || warnThreshold.trim() !== '';
    void run(async () => {
      await requestJson(Risk, 'POST', `/api/projects/${plan.data.project.id}/risks`, {
        title: textOrUndefined(title),
        probability: numberAsTyped(probability),
        impact: numberAsTyped(impact),
        ...(ownerId ? { ownerId } : {}),
        ...(mitigation.trim() ? { mitigation: mitigation.trim() } : {}),
        ...(watch ? { earlyWarning: { metric: warnMetric.trim(), direction: warnDirection, threshold: numberAsTyped(warnThreshold) } } : {}),
      });
      setTitle('');
      setMitigation('');
      await plan.reload();
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="subform" aria-label="Add a risk">
      <FormAlert errors={errors} />
      <div className="form-row">
        <Field label="Risk" error={errors.fields.title}>
          {(props) => <input {...props} value={title} onChange={(event) => setTitle(event.target.value)} />}
        </Field>
        <Field label="Probability (1–5)" error={errors.fields.probability}>
          {(props) => (
            <select {...props} value={probability} onChange={(event) => setProbability(event.target.value)}>
              {ratings.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Impact (1–5)" error={errors.fields.impact}>
          {(props) => (
            <select {...props} value={impact} onChange={(event) => setImpact(event.target.value)}>
              {ratings.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Owner" optional error={errors.fields.ownerId}>
          {(props) => (
            <select {...props} value={ownerId} onChange={(event) => setOwnerId(event.target.value)}>
              <option value="">Nobody yet</option>
              <PersonOptions people={people} />
            </select>
          )}
        </Field>
      </div>
      <Field label="Mitigation" optional error={errors.fields.mitigation}>
        {(props) => <textarea {...props} rows={2} value={mitigation} onChange={(event) => setMitigation(event.target.value)} />}
      </Field>
      <fieldset className="group">
        <legend>Early warning (optional): raise the risk when a KPI crosses a threshold</legend>
        <div className="form-row">
          <Field label="KPI metric" error={errors.fields.earlyWarning}>
            {(props) => <input {...props} value={warnMetric} onChange={(event) => setWarnMetric(event.target.value)} placeholder="e.g. call_connection_rate" />}
          </Field>
          <Field label="Goes">
            {(props) => (
              <select {...props} value={warnDirection} onChange={(event) => setWarnDirection(event.target.value === 'above' ? 'above' : 'below')}>
                <option value="below">below</option>
                <option value="above">above</option>
              </select>
            )}
          </Field>
          <Field label="Threshold">
            {(props) => <input {...props} inputMode="decimal" value={warnThreshold} onChange={(event) => setWarnThreshold(event.target.value)} />}
          </Field>
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Adding…' : 'Add risk'}
        </button>
      </div>
    </form>
  );
}
