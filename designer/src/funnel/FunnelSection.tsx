import { useTranslation } from 'react-i18next';
import { usePageQuery } from '../app/queries';
import { Card } from '../shared/Card';
import { FunnelChart } from '../shared/charts';
import { formatNumber, formatPct } from '../shared/format';
import { LoadFailed } from '../shared/LoadFailed';
import { requestJson } from '../shared/request';
import { TableHead } from '../shared/TableHead';
import type { SalesPlanSectionProps } from '../sales-plan/sections';
import { Funnel } from '../../../api/contract/funnel';
import { FunnelEditor } from './FunnelEditor';
import { stageName } from './stage-name';

const funnelKey = (projectId: string) => ['funnel', projectId];

/**
 * The funnel behind the revenue goal: each stage's plan so far against what was reported, where
 * conversion falls short, and each member's part (a rep sees their own); the planners edit it.
 */
export function FunnelSection({ project }: SalesPlanSectionProps) {
  const { t } = useTranslation('funnel');
  const { load, retry, reload } = usePageQuery(funnelKey(project.id), ({ signal }) => requestJson(Funnel, 'GET', `/api/projects/${project.id}/funnel`, undefined, signal));
  return (
    <Card title={t('title')} testId="funnel">
      <p className="muted">{t('summary')}</p>
      {load.status === 'loading' && <div className="chart-placeholder" style={{ height: 200 }} aria-hidden="true" />}
      {load.status === 'failed' && <LoadFailed message={`${t('loadFailed')} ${load.message}`} retry={retry} />}
      {load.status === 'ready' && <FunnelView funnel={load.value} />}
      {load.status === 'ready' && project.can.editPlan && <FunnelEditor projectId={project.id} funnel={load.value} onSaved={reload} />}
    </Card>
  );
}

function FunnelView({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation('funnel');
  if (funnel.problem === 'no_funnel') return <p className="page-state muted">{t('noFunnel')}</p>;
  if (funnel.problem === 'no_revenue_goal') return <p className="page-state muted">{t('noRevenueGoal')}</p>;
  const bars = funnel.progress.map((stage) => ({ stage: stageName(t, stage), planned: Number(stage.plannedToDate), actual: Number(stage.actualToDate) }));
  return (
    <>
      {funnel.decomposition && <p className="small muted">{t(`decomposition.${funnel.decomposition}`)}</p>}
      <FunnelChart bars={bars} />
      <table className="table table--compact" data-testid="funnel-stages">
        <TableHead
          columns={[
            t('table.stage'),
            { label: t('table.planTotal'), num: true },
            { label: t('table.plannedToDate'), num: true },
            { label: t('table.actualToDate'), num: true },
            { label: t('table.attainment'), num: true },
            { label: t('table.conversion'), num: true },
          ]}
        />
        <tbody>
          {funnel.progress.map((stage) => (
            <tr key={stage.key}>
              <td>{stageName(t, stage)}</td>
              <td className="num">{formatNumber(stage.planTotal)}</td>
              <td className="num">{formatNumber(stage.plannedToDate)}</td>
              <td className="num">{formatNumber(stage.actualToDate)}</td>
              <td className={`num${stage.behind ? ' error-text' : ''}`}>
                {formatPct(stage.attainmentPct)}
                {stage.behind && <span className="small"> · {t('behind')}</span>}
              </td>
              <td className={`num${stage.conversionShort ? ' error-text' : ''}`}>
                {stage.conversionRate === null
                  ? t('noConversion')
                  : t('conversionPair', {
                      actual: stage.actualConversionRate === null ? t('noConversion') : formatPct(Number(stage.actualConversionRate) * 100),
                      planned: formatPct(Number(stage.conversionRate) * 100),
                    })}
                {stage.conversionShort && <span className="small"> · {t('short')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <MonthlyPlan funnel={funnel} />
      <Holders funnel={funnel} />
    </>
  );
}

/** The monthly parts of each stage, as the revenue goal's months are split. */
function MonthlyPlan({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation('funnel');
  return (
    <details>
      <summary>{t('monthly')}</summary>
      <div className="table-scroll">
        <table className="table table--compact">
          <TableHead columns={[t('table.stage'), ...funnel.months.map((month) => ({ label: month.label, num: true }))]} />
          <tbody>
            {funnel.progress.map((stage) => (
              <tr key={stage.key}>
                <td>{stageName(t, stage)}</td>
                {stage.planPerMonth.map((count, index) => (
                  <td key={funnel.months[index]?.label ?? index} className="num">
                    {formatNumber(count)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Each member's (or team's) part of every stage: the whole team for the planners, their own for a rep. */
function Holders({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation('funnel');
  if (funnel.holders.length === 0) return null;
  return (
    <>
      <h3>{t('members')}</h3>
      <table className="table table--compact" data-testid="funnel-members">
        <TableHead columns={[t('table.member'), ...funnel.progress.map((stage) => ({ label: stageName(t, stage), num: true }))]} />
        <tbody>
          {funnel.holders.map((holder) => (
            <tr key={holder.userId ?? holder.teamId ?? ''}>
              <td>{holder.name ?? t('table.team')}</td>
              {holder.stages.map((stage) => (
                <td key={stage.key} className={`num${stage.attainmentPct !== null && stage.attainmentPct < 100 ? ' error-text' : ''}`}>
                  {stage.actualToDate === null ? '' : `${formatNumber(stage.actualToDate)} / `}
                  {formatNumber(stage.plannedToDate)} <span className="small muted">({formatNumber(stage.planTotal)})</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
