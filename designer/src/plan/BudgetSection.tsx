import { ApiFormElement } from '../shared/ApiFormElement';
import { Card } from '../shared/Card';
import { Field } from '../shared/Field';
import { TableHead } from '../shared/TableHead';
import { FormActions } from '../shared/FormActions';
import { formatNumber, formatPct } from '../shared/format';
import { requestJson } from '../shared/request';
import { typed, useApiForm } from '../shared/use-api-form';
import { BudgetLine, NewBudgetLineBody } from '../../../api/contract/budget';
import type { PlanContext } from './plan-data';
import { useRemove } from './use-remove';
import { RemoveButton, SectionError } from './ItemList';

export function BudgetSection({ plan }: { plan: PlanContext }) {
  const { data, editable, reload } = plan;
  const { error, remove } = useRemove(reload);
  const { lines, totals } = data.budget;
  const base = `/api/projects/${data.project.id}/budget`;
  return (
    <Card title="Budget">
      <SectionError message={error} />
      {lines.length === 0 ? (
        <p className="muted">No budget lines yet.</p>
      ) : (
        <table className="table table--compact">
          <TableHead columns={['Category', { label: 'Planned', num: true }, { label: 'Spent', num: true }, editable && { label: 'Actions', hidden: true }]} />
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
                    <RemoveButton label={`Remove budget line ${line.category}`} onClick={() => void remove(`${base}/${line.id}`, `Remove the budget line “${line.category}”?`)} />
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
    </Card>
  );
}

function BudgetForm({ plan }: { plan: PlanContext }) {
  const api = useApiForm({
    schema: NewBudgetLineBody,
    defaultValues: { category: '', planned: '', spent: undefined },
    save: (body) => requestJson(BudgetLine, 'POST', `/api/projects/${plan.data.project.id}/budget`, body),
    onSaved: async (saved) => {
      saved.reset();
      await plan.reload();
    },
  });
  const { form, saving, errorOf } = api;
  const { register } = form;
  // Amounts are sent as typed: the contract's words say what is wrong with one that is not a number.
  const amount = (text: string) => text.trim();

  return (
    <ApiFormElement api={api} className="subform" aria-label="Add a budget line">
      <div className="form-row">
        <Field label="Category" error={errorOf('category')}>
          {(props) => <input {...props} {...register('category')} placeholder="e.g. Events" />}
        </Field>
        <Field label="Planned" error={errorOf('planned')}>
          {(props) => <input {...props} inputMode="decimal" {...register('planned', { setValueAs: amount })} />}
        </Field>
        <Field label="Spent so far" optional error={errorOf('spent')}>
          {(props) => <input {...props} inputMode="decimal" {...register('spent', { setValueAs: (text: string | undefined) => typed.optional((text ?? '').trim()) })} />}
        </Field>
      </div>
      <FormActions saving={saving} label="Add budget line" savingLabel="Adding…" primary={false} />
    </ApiFormElement>
  );
}
