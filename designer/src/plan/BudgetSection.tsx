import { useTranslation } from 'react-i18next';
import { ApiFormElement } from '../shared/ApiFormElement';
import { Card } from '../shared/Card';
import { Field } from '../shared/Field';
import { TableHead } from '../shared/TableHead';
import { FormActions } from '../shared/FormActions';
import { formatNumber, formatPct, amountAsTyped } from '../shared/format';
import { requestJson } from '../shared/request';
import { typed, useApiForm } from '../shared/use-api-form';
import { BudgetLine, NewBudgetLineBody } from '../../../api/contract/budget';
import type { PlanContext } from './plan-data';
import { useRemove } from './use-remove';
import { RemoveButton, SectionError } from './ItemList';

export function BudgetSection({ plan }: { plan: PlanContext }) {
  const { t } = useTranslation('plan');
  const { data, editable, reload } = plan;
  const { error, remove } = useRemove(reload);
  const { lines, totals } = data.budget;
  const base = `/api/projects/${data.project.id}/budget`;
  return (
    <Card title={t('budget.title')}>
      <SectionError message={error} />
      {lines.length === 0 ? (
        <p className="muted">{t('budget.empty')}</p>
      ) : (
        <table className="table table--compact">
          <TableHead columns={[t('budget.category'), { label: t('budget.planned'), num: true }, { label: t('budget.spent'), num: true }, editable && { label: t('common.actions'), hidden: true }]} />
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
                    <RemoveButton label={t('budget.remove', { category: line.category })} onClick={() => void remove(`${base}/${line.id}`, t('budget.removeQuestion', { category: line.category }))} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('common.total')}</th>
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
  const { t } = useTranslation(['plan', 'shared']);
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

  return (
    <ApiFormElement api={api} className="subform" aria-label={t('budget.add')}>
      <div className="form-row">
        <Field label={t('budget.category')} error={errorOf('category')}>
          {(props) => <input {...props} {...register('category')} placeholder={t('budget.categoryExample')} />}
        </Field>
        <Field label={t('budget.planned')} error={errorOf('planned')}>
          {(props) => <input {...props} inputMode="decimal" {...register('planned', { setValueAs: amountAsTyped })} />}
        </Field>
        <Field label={t('budget.spentSoFar')} optional error={errorOf('spent')}>
          {(props) => <input {...props} inputMode="decimal" {...register('spent', { setValueAs: (text: string | undefined) => typed.optional(amountAsTyped(text ?? '')) })} />}
        </Field>
      </div>
      <FormActions saving={saving} label={t('budget.save')} savingLabel={t('shared:adding')} primary={false} />
    </ApiFormElement>
  );
}
