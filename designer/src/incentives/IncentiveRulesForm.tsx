import { useQuery, useQueryClient } from '@tanstack/react-query';
import { amountAsTyped } from '../shared/format';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../shared/Field';
import { DoneNote } from '../shared/DoneNote';
import { formErrorsOf, noErrors, type FormErrors } from '../shared/form-errors';
import { requestJson } from '../shared/request';
import { Budget } from '../../../api/contract/budget';
import { IncentiveRules, type IncentiveRulesBody } from '../../../api/contract/incentives';

interface TierRow {
  fromPct: string;
  toPct: string;
  rate: string;
}

const defaultTiers: TierRow[] = [
  { fromPct: '0', toPct: '100', rate: '0.03' },
  { fromPct: '100', toPct: '', rate: '0.05' },
];

/** The owner's form: commission tiers, the cap and the budget line; bonuses and recognitions set elsewhere are kept. */
export function IncentiveRulesForm({ projectId, rules }: { projectId: string; rules: IncentiveRules | null }) {
  const { t } = useTranslation('incentives');
  const queryClient = useQueryClient();
  const lines = useQuery({ queryKey: ['budget', projectId], queryFn: ({ signal }) => requestJson(Budget, 'GET', `/api/projects/${projectId}/budget`, undefined, signal) });
  const [tiers, setTiers] = useState<TierRow[]>(rules ? rules.commission.tiers.map((tier) => ({ fromPct: String(tier.fromPct), toPct: tier.toPct === null ? '' : String(tier.toPct), rate: tier.rate })) : defaultTiers);
  const [cap, setCap] = useState(rules?.commission.cap ?? '');
  const [budgetLineId, setBudgetLineId] = useState(rules?.budgetLineId ?? '');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const setTier = (index: number, field: keyof TierRow, value: string) => setTiers((rows) => rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
  const paths = tiers.flatMap((_, i) => [`commission.tiers.${i}.fromPct`, `commission.tiers.${i}.toPct`, `commission.tiers.${i}.rate`]).concat(['commission.cap', 'budgetLineId', 'commission.tiers']);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setSaved(false);
    const body: IncentiveRulesBody = {
      metric: rules?.metric ?? 'revenue',
      budgetLineId: budgetLineId || null,
      commission: {
        tiers: tiers.map((row) => ({ fromPct: Number(row.fromPct), toPct: row.toPct.trim() === '' ? null : Number(row.toPct), rate: row.rate.trim() })),
        cap: cap.trim() === '' ? null : amountAsTyped(cap),
      },
      bonuses: (rules?.bonuses ?? []).map((bonus) => ({ ...bonus })),
      recognitions: rules?.recognitions ?? [],
    };
    try {
      await requestJson(IncentiveRules, 'PUT', `/api/projects/${projectId}/incentives/rules`, body);
      setErrors(noErrors);
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['incentives', projectId] });
    } catch (error) {
      setErrors(formErrorsOf(error, paths));
    } finally {
      setSaving(false);
    }
  }

  const kept = (rules?.bonuses.length ?? 0) + (rules?.recognitions.length ?? 0);
  return (
    <form className="subform" onSubmit={(event) => void save(event)} aria-label={t('rules.title')} data-testid="incentive-rules">
      <h3>{t('rules.title')}</h3>
      {errors.summary && <p className="error-text">{[errors.summary, ...errors.other].join(' ')}</p>}
      <fieldset>
        <legend>{t('rules.tiers')}</legend>
        {tiers.map((row, index) => (
          <div className="form-row" key={index}>
            <Field label={t('rules.from')} error={errors.fields[`commission.tiers.${index}.fromPct`]}>
              {(props) => <input {...props} inputMode="decimal" value={row.fromPct} onChange={(e) => setTier(index, 'fromPct', e.target.value)} />}
            </Field>
            <Field label={t('rules.to')} error={errors.fields[`commission.tiers.${index}.toPct`]}>
              {(props) => <input {...props} inputMode="decimal" value={row.toPct} onChange={(e) => setTier(index, 'toPct', e.target.value)} />}
            </Field>
            <Field label={t('rules.rate')} error={errors.fields[`commission.tiers.${index}.rate`]}>
              {(props) => <input {...props} inputMode="decimal" value={row.rate} onChange={(e) => setTier(index, 'rate', e.target.value)} />}
            </Field>
            {tiers.length > 1 && (
              <button type="button" className="button" onClick={() => setTiers((rows) => rows.filter((_, i) => i !== index))}>
                {t('rules.removeTier', { n: index + 1 })}
              </button>
            )}
          </div>
        ))}
        <button type="button" className="button" onClick={() => setTiers((rows) => [...rows, { fromPct: rows.at(-1)?.toPct ?? '', toPct: '', rate: '' }])}>
          {t('rules.addTier')}
        </button>
      </fieldset>
      <div className="form-row">
        <Field label={t('rules.cap')} error={errors.fields['commission.cap']}>
          {(props) => <input {...props} inputMode="decimal" value={cap} onChange={(e) => setCap(e.target.value)} />}
        </Field>
        <Field label={t('rules.budgetLine')} error={errors.fields.budgetLineId}>
          {(props) => (
            <select {...props} value={budgetLineId} onChange={(e) => setBudgetLineId(e.target.value)}>
              <option value="">{t('rules.noLine')}</option>
              {(lines.data?.lines ?? []).map((line) => (
                <option key={line.id} value={line.id}>
                  {line.category}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {kept > 0 && <p className="small muted">{t('rules.keeps', { count: kept })}</p>}
      <button type="submit" className="button button--primary" disabled={saving}>
        {saving ? t('rules.saving') : t('rules.save')}
      </button>
      <DoneNote text={saved && t('rules.saved')} />
    </form>
  );
}
