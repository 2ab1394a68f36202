import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../api/contract/goals';
import type { Quotas } from '../../../api/contract/quota';
import { errorMessage } from '../api/client';
import { goalLabel } from '../plan/goal-labels';
import type { SalesPlanSectionProps } from '../sales-plan/sections';
import { Card } from '../shared/Card';
import { LoadFailed } from '../shared/LoadFailed';
import { TableHead } from '../shared/TableHead';
import { formatNumber, formatPct } from '../shared/format';
import { AllocationForm } from './AllocationForm';
import { loadGoals, loadQuotas, quotasKey } from './quota-data';

type GoalQuotas = Quotas['goals'][number];
type Row = GoalQuotas['rows'][number];

/**
 * Each person's quota of each allocated goal, month by month, with what they reported against it.
 * A rep sees their own row; the owner and the managers above see every member, and in planning
 * the owner sets how each goal is shared out.
 */
export function QuotaSection({ project }: SalesPlanSectionProps) {
  const { t } = useTranslation('quota');
  const quotas = useQuery({ queryKey: quotasKey(project.id), queryFn: ({ signal }) => loadQuotas(project.id, signal) });
  const goals = useQuery({ queryKey: ['goals', project.id], queryFn: ({ signal }) => loadGoals(project.id, signal) });
  return (
    <Card title={t('title')} testId="quota-section">
      {quotas.isError ? (
        <LoadFailed message={errorMessage(quotas.error)} retry={() => void quotas.refetch()} />
      ) : quotas.data === undefined ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <>
          {quotas.data.goals.length === 0 && <p className="muted">{quotas.data.seesAll ? t('none') : t('noneForYou')}</p>}
          {quotas.data.goals.map((goal) => (
            <GoalQuotaTable key={goal.goalId} goal={goal} info={goals.data?.find((g) => g.id === goal.goalId)} showRest={quotas.data.seesAll} />
          ))}
          {quotas.data.mayAllocate && goals.data && <AllocationForm projectId={project.id} ownerId={project.ownerId} goals={goals.data} />}
          {!quotas.data.mayAllocate && project.can.requestChange && goals.data && <AllocationForm projectId={project.id} ownerId={project.ownerId} goals={goals.data} asChange />}
        </>
      )}
    </Card>
  );
}

function GoalQuotaTable({ goal, info, showRest }: { goal: GoalQuotas; info: Goal | undefined; showRest: boolean }) {
  const { t } = useTranslation('quota');
  const { t: tPlan } = useTranslation('plan');
  const label = info ? goalLabel(tPlan, info) : goal.label;
  const rows = showRest ? goal.rows : goal.rows.filter((row) => row.holder !== 'unallocated');
  return (
    <div className="quota-goal" data-testid={`quota-goal-${goal.goalId}`}>
      <h3>{t('goalHeading', { goal: label, total: formatNumber(goal.total) })}</h3>
      {showRest && goal.unallocated !== '0' && <p className="small muted">{t('unallocatedNote', { amount: formatNumber(goal.unallocated) })}</p>}
      <div className="quota-grid">
        <table className="table table--compact">
          <TableHead
            columns={[
              t('columns.holder'),
              { label: t('columns.quota'), num: true },
              { label: t('columns.actual'), num: true },
              { label: t('columns.attainment'), num: true },
              ...goal.months.map((month) => ({ label: month.label, num: true })),
            ]}
          />
          <tbody>
            {rows.map((row) => (
              <QuotaRow key={row.userId ?? row.teamId ?? 'rest'} row={row} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function QuotaRow({ row }: { row: Row }) {
  const { t } = useTranslation('quota');
  const name = row.holder === 'unallocated' ? t('unallocated') : row.holder === 'team' ? t('team', { name: row.name ?? '' }) : (row.name ?? '');
  return (
    <tr data-testid={row.userId ? `quota-row-${row.userId}` : undefined}>
      <th scope="row">{name}</th>
      <td className="num">{formatNumber(row.quota)}</td>
      <td className="num">{row.actual === null ? '—' : formatNumber(row.actual)}</td>
      <td className="num">{formatPct(row.attainmentPct)}</td>
      {row.months.map((month) => (
        <td key={month.label} className="num">
          {month.actual === null ? formatNumber(month.target) : t('cell', { actual: formatNumber(month.actual), target: formatNumber(month.target) })}
        </td>
      ))}
    </tr>
  );
}
