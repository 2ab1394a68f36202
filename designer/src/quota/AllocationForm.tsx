import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../api/contract/goals';
import type { Allocation } from '../../../api/contract/quota';
import { targetGranularities } from '../../../workflows/domain/decompose-target';
import { allocateTarget, type Share } from '../../../workflows/domain/sales-plan/allocation';
import { ApiError, errorMessage } from '../api/client';
import { goalLabel } from '../plan/goal-labels';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { TableHead } from '../shared/TableHead';
import { formatNumber, amountAsTyped } from '../shared/format';
import { usePeopleNames } from '../shared/people';
import type { ChangeRequest } from '../../../api/contract/lifecycle';
import { allocatable, loadAllocation, loadMembers, reloadQuotas, requestReallocation, saveAllocation } from './quota-data';

const modes = ['weight', 'amount'] as const;
type Mode = (typeof modes)[number];

/** What the form holds for one allocation: how it shares and cuts, and each member's weight or amount as typed. */
interface Draft {
  mode: Mode;
  granularity: 'quarter' | 'month';
  periodWeights: string;
  values: Record<string, string>;
}

const draftOf = (allocation: Allocation): Draft => ({
  mode: allocation.shares.some((share) => share.amount !== null) ? 'amount' : 'weight',
  granularity: allocation.granularity,
  periodWeights: allocation.weights?.join(', ') ?? '',
  values: Object.fromEntries(allocation.shares.flatMap((share) => (share.userId ? [[share.userId, share.weight !== null ? String(share.weight) : (share.amount ?? '')]] : []))),
});

/**
 * The owner sets how a goal's target is shared among the members, by weights or amounts, and sees
 * what is not allocated yet. Once the project runs (`asChange`), the new shares are a change
 * request with a reason, and its answer shows each member's quota before and after.
 */
export function AllocationForm({ projectId, ownerId, goals, asChange = false }: { projectId: string; ownerId: string; goals: readonly Goal[]; asChange?: boolean }) {
  const { t } = useTranslation('quota');
  const { t: tPlan } = useTranslation('plan');
  const candidates = goals.filter(allocatable);
  const [goalId, setGoalId] = useState(candidates[0]?.id ?? '');
  const goal = candidates.find((g) => g.id === goalId);
  const members = useQuery({ queryKey: ['members', projectId], queryFn: ({ signal }) => loadMembers(projectId, signal) });
  const allocation = useQuery({ queryKey: ['allocation', projectId, goalId], queryFn: ({ signal }) => loadAllocation(projectId, goalId, signal), enabled: goal !== undefined });
  const nameOf = usePeopleNames();
  const [draft, setDraft] = useState<Draft>({ mode: 'weight', granularity: 'quarter', periodWeights: '', values: {} });
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const [reason, setReason] = useState('');
  const [requested, setRequested] = useState<ChangeRequest | null>(null);

  useEffect(() => {
    if (allocation.data) setDraft(draftOf(allocation.data));
  }, [allocation.data]);

  const holders = useMemo(() => {
    const listed = (members.data ?? []).filter((m) => m.role !== 'viewer').map((m) => ({ id: m.userId, name: m.name }));
    return listed.some((m) => m.id === ownerId) ? listed : [{ id: ownerId, name: nameOf(ownerId) }, ...listed];
  }, [members.data, ownerId, nameOf]);

  const shares: Share[] = holders
    .filter((holder) => (draft.values[holder.id] ?? '').trim() !== '')
    .map((holder) => {
      const text = amountAsTyped(draft.values[holder.id]!);
      return draft.mode === 'weight' ? { holderId: holder.id, weight: Number(text) } : { holderId: holder.id, amount: text };
    });
  const preview = useMemo((): { ok: ReturnType<typeof allocateTarget>; error?: undefined } | { ok?: undefined; error: string } | null => {
    if (!goal || shares.length === 0) return null;
    try {
      return { ok: allocateTarget({ total: goal.target, scale: allocation.data?.scale ?? 0, shares }) };
    } catch (error) {
      return { error: errorMessage(error) };
    }
  }, [goal, shares, allocation.data?.scale]);

  if (candidates.length === 0) return <p className="muted">{t('allocate.noGoals')}</p>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setMessage(null);
    const weights = draft.periodWeights.trim() === '' ? undefined : draft.periodWeights.split(',').map((w) => Number(w.trim()));
    const body = {
      granularity: draft.granularity,
      ...(weights ? { weights } : {}),
      ...(allocation.data ? { scale: allocation.data.scale } : {}),
      shares: shares.map((share) => ('weight' in share ? { userId: share.holderId, weight: share.weight } : { userId: share.holderId, amount: String(share.amount) })),
    };
    setRequested(null);
    try {
      if (asChange) {
        setRequested(await requestReallocation(projectId, goalId, body, reason));
        setMessage({ kind: 'done', text: t('reallocate.requested') });
        return;
      }
      await saveAllocation(projectId, goalId, body);
      await Promise.all([reloadQuotas(projectId), allocation.refetch()]);
      setMessage({ kind: 'done', text: t('allocate.saved') });
    } catch (error) {
      const details = error instanceof ApiError ? error.details.map((d) => `${d.path}: ${d.message}`).join('; ') : '';
      setMessage({ kind: 'error', text: details ? `${errorMessage(error)} (${details})` : errorMessage(error) });
    } finally {
      setSaving(false);
    }
  };
  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const partOf = (holderId: string) => preview?.ok?.parts.find((p) => p.holderId === holderId)?.amount;

  return (
    <form className="subform" aria-label={asChange ? t('reallocate.title') : t('allocate.title')} onSubmit={(event) => void submit(event)} data-testid="allocation-form">
      <h3>{asChange ? t('reallocate.title') : t('allocate.title')}</h3>
      {asChange && <p className="small muted">{t('reallocate.note')}</p>}
      <div className="form-row">
        <Field label={t('allocate.goal')}>
          {(props) => (
            <select {...props} value={goalId} onChange={(event) => setGoalId(event.target.value)}>
              {candidates.map((g) => (
                <option key={g.id} value={g.id}>
                  {`${goalLabel(tPlan, g)} (${formatNumber(g.target)})`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('allocate.by')}>
          {(props) => (
            <select {...props} value={draft.mode} onChange={(event) => set({ mode: event.target.value as Mode })}>
              {modes.map((mode) => (
                <option key={mode} value={mode}>
                  {mode === 'weight' ? t('allocate.byWeight') : t('allocate.byAmount')}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('allocate.granularity')}>
          {(props) => (
            <select {...props} value={draft.granularity} onChange={(event) => set({ granularity: event.target.value as Draft['granularity'] })}>
              {targetGranularities.map((granularity) => (
                <option key={granularity} value={granularity}>
                  {t(`allocate.${granularity}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('allocate.periodWeights')} help={t('allocate.periodWeightsHelp')} optional>
          {(props) => <input {...props} value={draft.periodWeights} onChange={(event) => set({ periodWeights: event.target.value })} />}
        </Field>
      </div>
      <table className="table table--compact">
        <TableHead columns={[t('allocate.holder'), { label: t('allocate.value'), num: true }, { label: t('allocate.comes'), num: true }]} />
        <tbody>
          {holders.map((holder) => (
            <tr key={holder.id}>
              <th scope="row">{holder.name}</th>
              <td className="num">
                <input
                  aria-label={`${t('allocate.value')}: ${holder.name}`}
                  inputMode="decimal"
                  value={draft.values[holder.id] ?? ''}
                  onChange={(event) => set({ values: { ...draft.values, [holder.id]: event.target.value } })}
                  data-testid={`allocation-value-${holder.id}`}
                />
              </td>
              <td className="num">{partOf(holder.id) === undefined ? '—' : formatNumber(partOf(holder.id)!)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('allocate.rest')}</th>
            <td />
            <td className="num" data-testid="allocation-rest">
              {preview?.ok ? formatNumber(preview.ok.unallocated) : goal && shares.length === 0 ? formatNumber(goal.target) : '—'}
            </td>
          </tr>
        </tfoot>
      </table>
      {preview?.error !== undefined && <p className="error-text">{preview.error}</p>}
      {asChange && (
        <Field label={t('reallocate.reason')}>{(props) => <textarea {...props} required value={reason} onChange={(event) => setReason(event.target.value)} data-testid="reallocation-reason" />}</Field>
      )}
      {message && <p className={message.kind === 'error' ? 'error-text' : 'muted'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      {requested?.reallocation && <ReallocationPreview rows={requested.reallocation} />}
      <FormActions saving={saving} label={asChange ? t('reallocate.request') : t('allocate.save')} savingLabel={t('allocate.saving')} />
    </form>
  );
}

/** What a requested reallocation would do: each member's quota and milestone targets, before and after. */
function ReallocationPreview({ rows }: { rows: NonNullable<ChangeRequest['reallocation']> }) {
  const { t } = useTranslation('quota');
  const targets = (side: (typeof rows)[number]['before']) => (side.milestones.length === 0 ? '—' : side.milestones.map((m) => formatNumber(m.target)).join(' · '));
  return (
    <table className="table table--compact" data-testid="reallocation-preview">
      <TableHead columns={[t('allocate.holder'), { label: t('reallocate.before'), num: true }, { label: t('reallocate.after'), num: true }, t('reallocate.milestones')]} />
      <tbody>
        {rows.map((row) => (
          <tr key={row.userId ?? row.teamId ?? row.name}>
            <th scope="row">{row.name}</th>
            <td className="num">{row.before.quota === null ? '—' : formatNumber(row.before.quota)}</td>
            <td className="num">{row.after.quota === null ? '—' : formatNumber(row.after.quota)}</td>
            <td>{t('reallocate.targets', { before: targets(row.before), after: targets(row.after) })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
