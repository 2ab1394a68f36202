import { useTranslation } from 'react-i18next';
import { usePageQuery } from '../app/queries';
import { useSession } from '../auth/session-store';
import type { SalesPlanSectionProps } from '../sales-plan/sections';
import { Card } from '../shared/Card';
import { PlanActualChart } from '../shared/charts';
import { formatAmount, formatNumber, formatPct } from '../shared/format';
import { LoadFailed } from '../shared/LoadFailed';
import { usePeopleNames } from '../shared/people';
import { TableHead } from '../shared/TableHead';
import { formatDate } from '../shared/time';
import type { SubjectForecast } from '../../../api/contract/forecasts';
import { subjectChartData } from './forecast-chart-data';
import { isGoalMetric, metricLabel } from '../plan/goal-labels';
import { forecastsKey, loadForecasts } from './forecasts-api';

/**
 * What a person sees of the forecasts: someone who plans the project sees the team's; a member
 * with a quota of their own sees their allocations and their own milestones; anyone else the team's.
 */
export function visibleForecasts(subjects: readonly SubjectForecast[], userId: string, plans: boolean): { subjects: SubjectForecast[]; mine: boolean } {
  const own = subjects.filter((s) => s.holder?.userId === userId);
  if (plans || !own.some((s) => s.kind === 'allocation')) return { subjects: [...subjects], mine: false };
  return { subjects: own, mine: true };
}

/** The sales plan's forecast: per goal, allocation and milestone the value at its due date, its range, and how it was reached. */
export function ForecastSection({ project }: SalesPlanSectionProps) {
  const { t } = useTranslation('forecast');
  const { user } = useSession();
  const { load, retry } = usePageQuery(forecastsKey(project.id), ({ signal }) => loadForecasts(project.id, signal));
  return (
    <Card title={t('title')} testId="forecast">
      <p className="muted small">{t('intro')}</p>
      {load.status === 'loading' && <p className="muted">{t('loading')}</p>}
      {load.status === 'failed' && <LoadFailed message={load.message} retry={retry} />}
      {load.status === 'ready' && <Forecasts {...visibleForecasts(load.value.subjects, user.id, project.access === 'plan')} />}
    </Card>
  );
}

function Forecasts({ subjects, mine }: { subjects: SubjectForecast[]; mine: boolean }) {
  const { t } = useTranslation('forecast');
  const { t: tPlan } = useTranslation('plan');
  const nameOf = usePeopleNames();
  if (subjects.length === 0) return <p className="muted">{t('none')}</p>;
  // A goal reads as its metric's words in the page's language; a custom one (and a milestone) by its own name.
  const goalName = (s: SubjectForecast) => (s.kind !== 'milestone' && isGoalMetric(s.metric) ? metricLabel(tPlan, s.metric) : s.name);
  const label = (s: SubjectForecast) => (s.kind === 'allocation' ? t('allocationOf', { goal: goalName(s), holder: s.holder?.userId ? nameOf(s.holder.userId) : t('aTeam') }) : goalName(s));
  const charted = subjects.filter((s) => s.kind !== 'milestone' && s.forecast.value !== null);
  return (
    <>
      <p className="small" data-testid="forecast-scope">
        {mine ? t('mine') : t('team')}
      </p>
      <table className="table table--compact">
          <TableHead
            columns={[
              t('columns.subject'),
              t('columns.due'),
              { label: t('columns.plan'), num: true },
              { label: t('columns.forecast'), num: true },
              { label: t('columns.range'), num: true },
              { label: t('columns.ofPlan'), num: true },
              t('columns.method'),
            ]}
          />
          <tbody>
            {subjects.map((s) => (
              <Row key={`${s.kind}:${s.id}`} subject={s} label={label(s)} />
            ))}
          </tbody>
      </table>
      {charted.map((s) => (
        <PlanActualChart key={`${s.kind}:${s.id}`} points={subjectChartData(s)} marks={[]} unit={s.unit} label={t('chart', { subject: label(s) })} height={200} />
      ))}
    </>
  );
}

function Row({ subject: s, label }: { subject: SubjectForecast; label: string }) {
  const { t } = useTranslation('forecast');
  const f = s.forecast;
  const amount = (value: string | null) => (value === null ? '—' : formatAmount(value, s.unit));
  const behind = f.percentOfPlan !== null && f.percentOfPlan < 100;
  return (
    <tr data-testid={`forecast-${s.kind}-${s.id}`}>
      <td>
        <span className="muted small">{t(`kinds.${s.kind}`)}</span> {label}
      </td>
      <td>{formatDate(s.due)}</td>
      <td className="num">{amount(f.inputs.plannedAtDue)}</td>
      <td className="num" data-testid="forecast-value">
        {amount(f.value)}
      </td>
      <td className="num">{f.low === null || f.high === null ? '—' : `${amount(f.low)} – ${amount(f.high)}`}</td>
      <td className="num" data-testid="forecast-pct">
        {formatPct(f.percentOfPlan)}
        {behind && <span className="sr-only"> {t('belowPlan')}</span>}
      </td>
      <td className="small">
        <strong>{t(`method.${f.method}`)}</strong>
        <br />
        {f.inputs.pace === null
          ? t('noPace')
          : t('inputs', { actual: amount(f.inputs.actualByNow), planned: amount(f.inputs.plannedByNow), pace: formatNumber(f.inputs.pace) })}
        {f.inputs.periodPaces.length > 0 && (
          <>
            <br />
            {t('periodPaces', { paces: f.inputs.periodPaces.map((pace) => formatNumber(pace)).join(', ') })}
          </>
        )}
      </td>
    </tr>
  );
}
