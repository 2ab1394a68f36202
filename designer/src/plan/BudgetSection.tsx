import { Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { Field, FormAlert } from '../shared/Field';
import { formatNumber, formatPct, numberAsTyped, textOrUndefined } from '../shared/format';
import { requestJson } from '../shared/request';
import { useSubmit } from '../shared/use-submit';
import type { PlanContext } from './plan-data';
import { useRemove } from './use-remove';

const fields = ['category', 'planned', 'spent'] as const;

export function BudgetSection({ plan }: { plan: PlanContext }) {
  const { data, editable, reload } = plan;
  const { error, remove } = useRemove(reload);
  const { lines, totals } = data.budget;
  const base = `/api/projects/${data.project.id}/budget`;
  return (
    <section className="card" aria-labelledby="budget-title">
      <h2 id="budget-title">Budget</h2>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {lines.length === 0 ? (
        <p className="muted">No budget lines yet.</p>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col" className="num">
                Planned
              </th>
              <th scope="col" className="num">
                Spent
              </th>
              {editable && <th scope="col" className="sr-only">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.id}>
                <td>{line.category}</td>
                <td className="num">{formatNumber(line.planned)}</td>
                <td className={`num${line.overspent ? ' error-text' : ''}`}>
                  {formatNumber(line.spent)} <span className="small muted">({formatPct(line.spentPct)})</span>
                </td>
                {editable && (
                  <td className="row-actions">
                    <button type="button" className="icon-button" aria-label={`Remove budget line ${line.category}`} onClick={() => void remove(`${base}/${line.id}`, `Remove the budget line “${line.category}”?`)}>
                      <Trash2 size={15} aria-hidden="true" />
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="num">{formatNumber(totals.planned)}</td>
              <td className="num">{formatNumber(totals.spent)}</td>
              {editable && <td />}
            </tr>
          </tfoot>
        </table>
      )}
      {editable && <BudgetForm plan={plan} />}
    </section>
  );
}

function BudgetForm({ plan }: { plan: PlanContext }) {
  const [category, setCategory] = useState('');
  const [planned, setPlanned] = useState('');
  const [spent, setSpent] = useState('');
  const { errors, saving, formRef, run } = useSubmit(fields);

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const spentValue = numberAsTyped(spent);
      await requestJson(z.object({ id: z.string() }), 'POST', `/api/projects/${plan.data.project.id}/budget`, {
        category: textOrUndefined(category),
        planned: numberAsTyped(planned),
        ...(spentValue === undefined ? {} : { spent: spentValue }),
      });
      setCategory('');
      setPlanned('');
      setSpent('');
      await plan.reload();
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="subform" aria-label="Add a budget line">
      <FormAlert errors={errors} />
      <div className="form-row">
        <Field label="Category" error={errors.fields.category}>
          {(props) => <input {...props} value={category} onChange={(event) => setCategory(event.target.value)} placeholder="e.g. Events" />}
        </Field>
        <Field label="Planned" error={errors.fields.planned}>
          {(props) => <input {...props} inputMode="decimal" value={planned} onChange={(event) => setPlanned(event.target.value)} />}
        </Field>
        <Field label="Spent so far" optional error={errors.fields.spent}>
          {(props) => <input {...props} inputMode="decimal" value={spent} onChange={(event) => setSpent(event.target.value)} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Adding…' : 'Add budget line'}
        </button>
      </div>
    </form>
  );
}
