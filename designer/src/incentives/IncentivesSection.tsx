import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';
import { Card } from '../shared/Card';
import { kpiMetricLabel } from '../plan/goal-labels';
import { LoadFailed } from '../shared/LoadFailed';
import { TableHead } from '../shared/TableHead';
import { formatDateTime } from '../shared/time';
import { formatNumber, formatPct } from '../shared/format';
import { requestJson } from '../shared/request';
import { Incentives, type MemberIncentive } from '../../../api/contract/incentives';
import type { SalesPlanSectionProps } from '../sales-plan/sections';
import { IncentiveRulesForm } from './IncentiveRulesForm';

export const incentivesKey = (projectId: string) => ['incentives', projectId];

/**
 * The incentives part of the sales plan: a rep sees what they earned so far and would earn at the
 * forecast; a manager sees the team and the incentive budget line's consumption; whoever plans the
 * project edits the rules.
 */
export function IncentivesSection({ project }: SalesPlanSectionProps) {
  const { t } = useTranslation('incentives');
  const query = useQuery({
    queryKey: incentivesKey(project.id),
    queryFn: ({ signal }) => requestJson(Incentives, 'GET', `/api/projects/${project.id}/incentives`, undefined, signal),
  });
  const planner = project.access === 'plan';
  return (
    <Card title={t('title')} testId="incentives">
      {query.isPending && <p className="muted">{t('loading')}</p>}
      {query.isError && <LoadFailed message={errorMessage(query.error)} retry={() => void query.refetch()} />}
      {query.data && <IncentivesView data={query.data} team={query.data.view === 'team'} />}
      {planner && query.data && <IncentiveRulesForm projectId={project.id} rules={query.data.rules} />}
    </Card>
  );
}

function IncentivesView({ data, team }: { data: Incentives; team: boolean }) {
  const { t } = useTranslation('incentives');
  if (!data.rules) return <p className="muted">{t('noRules')}</p>;
  if (data.members.length === 0) return <p className="muted">{t('noQuota', { metric: kpiMetricLabel(data.rules.metric) })}</p>;
  return team ? <TeamEarnings data={data} /> : <MyEarnings member={data.members[0]!} />;
}

function MyEarnings({ member }: { member: MemberIncentive }) {
  const { t } = useTranslation('incentives');
  return (
    <div className="stat-row" data-testid="my-incentive">
      <div>
        <div className="small muted">{t('mine.soFar')}</div>
        <div className="stat" data-testid="earned-so-far">{formatNumber(member.soFar.total)}</div>
        <div className="small muted">{t('mine.attainment', { pct: formatPct(Number(member.soFar.attainmentPct)), quota: formatNumber(member.quota) })}</div>
        {member.soFar.capped && <div className="small">{t('mine.capped')}</div>}
      </div>
      <div>
        <div className="small muted">{t('mine.atForecast')}</div>
        <div className="stat" data-testid="earned-at-forecast">{formatNumber(member.atForecast.total)}</div>
        <div className="small muted">{t('mine.forecastRevenue', { revenue: formatNumber(member.forecastRevenue) })}</div>
        {member.atForecast.recognitions.map((r) => (
          <div key={r.id} className="small">{t('mine.recognition', { title: r.title })}</div>
        ))}
      </div>
      <div className="small">
        <div>{t('mine.approved', { amount: formatNumber(member.payouts.approved) })}</div>
        <div className="muted">{t('mine.awaiting', { amount: formatNumber(member.payouts.earned) })}</div>
      </div>
    </div>
  );
}

function TeamEarnings({ data }: { data: Incentives }) {
  const { t } = useTranslation('incentives');
  const sum = (pick: (m: MemberIncentive) => string) => data.members.reduce((total, m) => total + Number(pick(m)), 0);
  return (
    <>
      <table className="table table--compact" data-testid="team-incentives">
        <caption className="small muted">{t('team.caption', { asOf: formatDateTime(data.asOf) })}</caption>
        <TableHead
          columns={[
            t('team.member'),
            { label: t('team.quota'), num: true },
            { label: t('team.revenue'), num: true },
            { label: t('team.attainment'), num: true },
            { label: t('team.soFar'), num: true },
            { label: t('team.atForecast'), num: true },
            { label: t('team.approved'), num: true },
          ]}
        />
        <tbody>
          {data.members.map((m) => (
            <tr key={m.memberId}>
              <td>{m.name}</td>
              <td className="num">{formatNumber(m.quota)}</td>
              <td className="num">{formatNumber(m.revenue)}</td>
              <td className="num">{formatPct(Number(m.soFar.attainmentPct))}</td>
              <td className="num">{formatNumber(m.soFar.total)}</td>
              <td className="num">{formatNumber(m.atForecast.total)}</td>
              <td className="num">{formatNumber(m.payouts.approved)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('team.total')}</th>
            <td />
            <td />
            <td />
            <td className="num">{formatNumber(sum((m) => m.soFar.total).toFixed(2))}</td>
            <td className="num">{formatNumber(sum((m) => m.atForecast.total).toFixed(2))}</td>
            <td className="num">{formatNumber(sum((m) => m.payouts.approved).toFixed(2))}</td>
          </tr>
        </tfoot>
      </table>
      {data.budget ? (
        <div className="small" data-testid="incentive-budget">
          <strong>{t('budget.title', { category: data.budget.line.category })}</strong>
          <div>{t('budget.planned', { amount: formatNumber(data.budget.line.planned) })}</div>
          <div>{t('budget.spent', { amount: formatNumber(data.budget.line.spent), pct: formatPct(data.budget.line.spentPct) })}</div>
          <div>{t('budget.approved', { amount: formatNumber(data.budget.approvedPayouts) })}</div>
          <div>{t('budget.awaiting', { amount: formatNumber(data.budget.earnedPayouts) })}</div>
          <div>{t('budget.forecast', { amount: formatNumber(data.budget.forecastTotal) })}</div>
        </div>
      ) : (
        <p className="small muted">{t('budget.none')}</p>
      )}
    </>
  );
}
