import { ClipboardList, Flag, MessagesSquare, Pencil, Settings2, Target } from 'lucide-react';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Card } from '../shared/Card';
import { TableHead } from '../shared/TableHead';
import { PlainList } from '../shared/PlainList';
import { RankingTable } from '../shared/RankingTable';
import { Link } from 'wouter';
import { PageHead, ProjectCrumbs } from '../app/PageHead';
import { QueryPage } from '../app/QueryPage';
import { PhaseBadge, RagBadge, StatusPill } from '../shared/badges';
import { formatNumber, formatPct } from '../shared/format';
import { PlanActualChart } from '../shared/charts';
import { usePeopleNames } from '../shared/people';
import { TimeText } from '../shared/TimeText';
import { formatDateTime, formatPeriod, fromNow, userTimeZone } from '../shared/time';
import { goalChartData } from './goal-chart-data';
import { withForecast } from '../forecast/forecast-chart-data';
import type { SubjectForecast } from '../../../api/contract/forecasts';
import { CloseEarly } from './CloseEarly';
import { EditBasics } from './EditBasics';
import { KpiEntry } from './KpiEntry';
import { KpiImport } from './KpiImport';
import { PhaseStepper } from './PhaseStepper';
import { ProjectFlows } from './ProjectFlows';
import { ProjectHistory } from './ProjectHistory';
import { RequestChange } from './RequestChange';
import { loadProjectPage, type ProjectPageData } from './project-data';
import { projectTimeline } from './project-timeline';
import type { Dashboard } from '../../../api/contract/dashboard';
import type { ProjectDetail } from '../../../api/contract/projects';
import type { ChangeRequest } from '../../../api/contract/lifecycle';
import { changeValueText } from '../../../workflows/domain/change-values';
import { milestoneTakesChanges } from '../../../workflows/domain/project-states';
import { kpiMetricLabel, progressGoalLabel } from '../plan/goal-labels';

const checkKeys = { warning: 'checks.warning', due: 'checks.due' } as const;
const isCheckKind = (kind: string): kind is keyof typeof checkKeys => Object.hasOwn(checkKeys, kind);

const pageKey = (id: string) => ['project-page', id];

/** One project: where it stands, what happens next, and where figures are reported. */
export function ProjectPage({ id }: { id: string }) {
  return <QueryPage queryKey={pageKey(id)} load={() => loadProjectPage(id)} className="page page--wide" view={ProjectView} />;
}

function ProjectView({ data, reload }: { data: ProjectPageData; reload: () => Promise<void> }) {
  const { t } = useTranslation('projects');
  const { t: tMessages } = useTranslation('messages');
  const { project, dashboard, changeRequests, retrospective } = data;
  const nameOf = usePeopleNames();
  const lifecycle = project.lifecycle;
  const metrics = [...new Set([...dashboard.goals.map((g) => g.kpiMetric), ...project.milestones.map((m) => m.metric)])];
  const openEscalations = project.escalations.filter((e) => e.acknowledgedAt === null);
  const milestoneName = new Map(project.milestones.map((m) => [m.id, m.name]));
  const [editing, setEditing] = useState(false);
  const [closingEarly, setClosingEarly] = useState(false);
  const [changing, setChanging] = useState<string | null>(null);
  const changingMilestone = dashboard.milestones.find((m) => m.milestoneId === changing);
  /** A panel's end once it has sent its change: it closes, and the page loads what changed. */
  const closeThenReload = (close: () => void) => async () => {
    close();
    await reload();
  };
  const mayChange = (m: Dashboard['milestones'][number]) => project.can.requestChange && milestoneTakesChanges(m.status);
  const subjectOf = (c: ChangeRequest) =>
    c.subjectKind === 'milestone' ? (milestoneName.get(c.subjectId) ?? t('changeRequests.subject.milestone')) : c.subjectKind === 'project' ? t('changeRequests.subject.project') : t('changeRequests.subject.goal');
  const valueOf = (c: ChangeRequest, value: unknown) =>
    (c.field === 'review_every_days' || c.field === 'monitoring_days') && typeof value === 'number'
      ? t('changeRequests.days', { count: value })
      : c.subjectKind === 'project' || c.field === 'allocation'
        ? changeValueText(c.field, value)
        : c.field === 'due_at' && typeof value === 'string'
          ? formatDateTime(value)
          : formatNumber(String(value));

  return (
    <>
      <PageHead
        crumbs={<ProjectCrumbs />}
        title={project.name}
        actions={
          <>
          {project.can.editBasics && !editing && (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              <Settings2 size={15} aria-hidden="true" /> {t('page.editBasics')}
            </button>
          )}
          {project.can.close && !closingEarly && (
            <button type="button" className="button" onClick={() => setClosingEarly(true)}>
              <Flag size={15} aria-hidden="true" /> {t('page.closeEarly')}
            </button>
          )}
          {project.can.editPlan && (
            <Link href={`/projects/${project.id}/plan`} className="button button--primary">
              <Pencil size={15} aria-hidden="true" /> {t('page.editPlan')}
            </Link>
          )}
          {!project.can.editPlan && (
            <Link href={`/projects/${project.id}/plan`} className="button">
              <ClipboardList size={15} aria-hidden="true" /> {t('page.plan')}
            </Link>
          )}
          <Link href={`/projects/${project.id}/sales-plan`} className="button" data-testid="sales-plan-link">
            <Target size={15} aria-hidden="true" /> {t('page.salesPlan')}
          </Link>
          {retrospective && (
            <Link href={`/projects/${project.id}/retrospective`} className="button" data-testid="retrospective-link">
              <MessagesSquare size={15} aria-hidden="true" /> {t('page.closingReview')}
            </Link>
          )}
          </>
        }
      >
        <PhaseBadge phase={project.phase} /> {t('page.summary', { owner: nameOf(project.ownerId), period: formatPeriod(project.periodStart, project.periodEnd, { timeZone: project.basics.calendar.timeZone }), timeZone: userTimeZone() })}
      </PageHead>

      {editing && (
        <EditBasics
          project={project}
          onClose={() => setEditing(false)}
          onDone={closeThenReload(() => setEditing(false))}
        />
      )}
      {closingEarly && (
        <CloseEarly
          projectId={project.id}
          onClose={() => setClosingEarly(false)}
          onDone={closeThenReload(() => setClosingEarly(false))}
        />
      )}
      {changingMilestone && (
        <RequestChange
          key={changingMilestone.milestoneId}
          projectId={project.id}
          milestone={changingMilestone}
          onClose={() => setChanging(null)}
          onDone={closeThenReload(() => setChanging(null))}
        />
      )}
      {project.basics.description && <p className="muted">{project.basics.description}</p>}
      <PhaseStepper phase={project.phase} />
      {project.phase === 'planning' && lifecycle.planSubmitted && (
        <p className="callout callout--info" role="status" data-testid="plan-waiting">
          {t('page.planWaiting')}
        </p>
      )}
      {project.phase === 'planning' && lifecycle.planRejection && (
        <div className="callout callout--error" role="status">
          <p>
            <strong>{t('page.planRejected')}</strong> {lifecycle.planRejection}
          </p>
        </div>
      )}
      {lifecycle.unavailable && <p className="callout callout--warn">{t('page.unavailable', { reason: lifecycle.unavailable })}</p>}

      <div className="columns">
        <div className="columns__main">
          <section aria-labelledby="goals-title" className="stack">
            <h2 id="goals-title" className="section-title">
              {t('goals.title')}
            </h2>
            {dashboard.goals.length === 0 && <p className="muted">{t('goals.none')}</p>}
            {dashboard.goals.map((goal) => (
              <GoalCard key={goal.goalId} goal={goal} dashboard={dashboard} forecast={data.forecasts.subjects.find((s) => s.kind === 'goal' && s.id === goal.goalId)} />
            ))}
          </section>

          <section aria-labelledby="milestones-title" className="card">
            <h2 id="milestones-title">{t('milestones.title')}</h2>
            {dashboard.milestones.length === 0 ? (
              <p className="muted">{t('milestones.none')}</p>
            ) : (
              <table className="table table--compact">
                <TableHead
                  columns={[t('milestones.milestone'), t('milestones.due'), t('milestones.target'), t('milestones.actual'), t('milestones.status'), project.can.requestChange && { label: t('milestones.actions'), hidden: true }]}
                />
                <tbody>
                  {dashboard.milestones.map((m) => (
                    <tr key={m.milestoneId}>
                      <td>{m.name}</td>
                      <td>
                        <TimeText at={m.dueAt} />
                      </td>
                      <td>
                        {formatNumber(m.target)} <span className="muted small">{kpiMetricLabel(m.metric)}</span>
                      </td>
                      <td>{m.actual === null ? '—' : t('milestones.actualWithPct', { actual: formatNumber(m.actual), pct: formatPct(m.attainmentPct) })}</td>
                      <td>
                        <StatusPill status={m.status} />
                      </td>
                      {project.can.requestChange && (
                        <td>
                          {mayChange(m) && (
                            <button type="button" className="button" aria-label={t('milestones.changeOf', { name: m.name })} onClick={() => setChanging(m.milestoneId)}>
                              {t('milestones.change')}
                            </button>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <Timeline project={project} nameOf={nameOf} />
          <ProjectHistory projectId={project.id} mayRead={project.can.readHistory} refreshKey={dashboard.asOf} />
        </div>

        <aside className="columns__side">
          <Card title={t('checks.title')} testId="next-checks">
            <PlainList
              items={[...lifecycle.nextChecks].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))}
              empty={project.phase === 'planning' ? t('checks.planning') : t('checks.none')}
              keyOf={(check) => `${check.milestoneId}:${check.kind}`}
            >
              {(check) => (
                <>
                  <strong>{isCheckKind(check.kind) ? t(checkKeys[check.kind]) : check.kind}</strong> · {milestoneName.get(check.milestoneId) ?? t('checks.aMilestone')}
                  <br />
                  <span className="small">
                    {fromNow(check.at)} <span className="muted">— {formatDateTime(check.at)}</span>
                  </span>
                </>
              )}
            </PlainList>
          </Card>

          <Card title={<>{t('escalations.title')} <span className={`count${openEscalations.length > 0 ? ' count--bad' : ''}`}>{openEscalations.length}</span></>} testId="open-escalations">
            <PlainList items={openEscalations} empty={t('page.none')} keyOf={(e) => e.id}>
              {(e) => (
                <>
                  <strong>{milestoneName.get(e.milestoneId) ?? t('escalations.milestone')}</strong>{' '}
                  {t('escalations.waiting', {
                    level: e.level,
                    who: e.standInId === null ? nameOf(e.recipientId) : t('escalations.onBehalf', { standIn: nameOf(e.standInId), recipient: nameOf(e.recipientId) }),
                  })}
                  <br />
                  <span className="small muted">
                    <Trans t={t} i18nKey="escalations.since" components={[<TimeText key="since" at={e.createdAt} />]} />
                  </span>
                </>
              )}
            </PlainList>
          </Card>

          <Card title={<>{t('changeRequests.title')} <span className="count">{changeRequests.filter((c) => c.status === 'pending').length}</span></>} testId="change-requests">
            <PlainList items={changeRequests} empty={t('page.none')} keyOf={(c) => c.id}>
              {(c) => (
                <>
                  <strong>{subjectOf(c)}</strong> — {tMessages(`change.fields.${c.field}`)}{' '}
                  {valueOf(c, c.before)} → {valueOf(c, c.after)} <span className={`badge badge--${c.status}`}>{t('changeRequests.status', { status: c.status })}</span>
                  <br />
                  <span className="small muted">
                    <Trans t={t} i18nKey="changeRequests.asked" values={{ reason: c.reason, who: nameOf(c.requestedBy) }} components={[<TimeText key="asked" at={c.createdAt} />]} />
                  </span>
                </>
              )}
            </PlainList>
          </Card>

          {project.can.reportKpi && (
            <>
              <KpiEntry projectId={project.id} metrics={metrics} onReported={reload} />
              <KpiImport projectId={project.id} onImported={reload} />
            </>
          )}

          <ProjectFlows projectId={project.id} />
          <Ranking dashboard={dashboard} />
          <Risks dashboard={dashboard} nameOf={nameOf} />
          <BudgetSummary dashboard={dashboard} />
        </aside>
      </div>
    </>
  );
}

function GoalCard({ goal, dashboard, forecast }: { goal: Dashboard['goals'][number]; dashboard: Dashboard; forecast: SubjectForecast | undefined }) {
  const { t } = useTranslation('projects');
  const { points: actual, marks } = goalChartData(goal, dashboard.milestones, dashboard.asOf);
  // Plan, actual and where the goal is heading, on one chart.
  const points = forecast ? withForecast(actual, forecast.forecast) : actual;
  return (
    <article className="card" data-testid={`goal-${goal.goalId}`}>
      <header className="card__head">
        <h3>{progressGoalLabel(goal)}</h3>
        <RagBadge status={goal.status} />
      </header>
      <p className="figures">
        <span>
          {t('goals.actual')}{' '}
          <strong data-testid="goal-actual">
            {goal.actual === null ? '—' : formatNumber(goal.actual)} {goal.unit}
          </strong>
        </span>
        <span>{t('goals.target', { value: formatNumber(goal.target), unit: goal.unit })}</span>
        <span>{t('goals.attainment', { pct: formatPct(goal.attainmentPct) })}</span>
        {goal.expected !== null && (
          <span className="muted">{t('goals.expected', { value: formatNumber(goal.expected), unit: goal.unit })}</span>
        )}
        {forecast?.forecast.value != null && (
          <span data-testid="goal-forecast">{t('goals.forecast', { value: formatNumber(forecast.forecast.value), unit: goal.unit, pct: formatPct(forecast.forecast.percentOfPlan) })}</span>
        )}
      </p>
      <PlanActualChart points={points} marks={marks} unit={goal.unit} label={t('goals.chart', { goal: progressGoalLabel(goal) })} />
    </article>
  );
}

function Ranking({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation('projects');
  return (
    <Card title={t('ranking.title')}>
      {dashboard.ranking.length === 0 && <p className="muted">{t('ranking.none')}</p>}
      {dashboard.ranking.map((ranking) => (
        <div key={ranking.metric}>
          <h3 className="small muted">
            {t('ranking.heading', { metric: kpiMetricLabel(ranking.metric), month: ranking.month })}
          </h3>
          {ranking.entries.length === 0 ? (
            <p className="muted small">{t('ranking.nobody')}</p>
          ) : (
            <RankingTable rows={ranking.entries.map((entry) => ({ ...entry, id: entry.memberId }))} />
          )}
        </div>
      ))}
    </Card>
  );
}

function Risks({ dashboard, nameOf }: { dashboard: Dashboard; nameOf: (id: string | null) => string }) {
  const { t } = useTranslation('projects');
  return (
    <Card title={t('risks.title')}>
      <PlainList items={[...dashboard.openRisks].sort((a, b) => b.score - a.score)} empty={t('page.none')} keyOf={(risk) => risk.id}>
        {(risk) => (
          <>
            <span className={`score score--${risk.score >= 15 ? 'high' : risk.score >= 8 ? 'mid' : 'low'}`} title={t('risks.score', { probability: risk.probability, impact: risk.impact })}>
              {risk.score}
            </span>{' '}
            <strong>{risk.title}</strong>
            {risk.warning?.triggered && <span className="pill pill--missed">{t('risks.earlyWarning')}</span>}
            <br />
            <span className="small muted">
              {t('risks.line', { probability: risk.probability, impact: risk.impact, owner: nameOf(risk.ownerId) })}
            </span>
          </>
        )}
      </PlainList>
    </Card>
  );
}

function BudgetSummary({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation('projects');
  const { totals, lines } = dashboard.budget;
  if (lines.length === 0) return null;
  return (
    <Card title={t('budget.title')}>
      <p>
        {t('budget.spent', { spent: formatNumber(totals.spent), planned: formatNumber(totals.planned), pct: formatPct(totals.spentPct) })}
        {totals.overspent && <span className="error-text">{t('budget.overspent')}</span>}
      </p>
    </Card>
  );
}

function Timeline({ project, nameOf }: { project: ProjectDetail; nameOf: (id: string | null) => string }) {
  const { t } = useTranslation('projects');
  const events = projectTimeline(project, nameOf, t);
  const now = Date.now();
  const firstFuture = events.findIndex((e) => Date.parse(e.at) > now);
  return (
    <Card title={t('timeline.title')}>
      <ol className="timeline">
        {events.map((event, index) => (
          <li key={`${event.kind}:${event.at}:${index}`} className={`timeline__item timeline__item--${event.kind}${Date.parse(event.at) > now ? ' timeline__item--future' : ''}`}>
            {index === firstFuture && <span className="timeline__now">{t('timeline.now')}</span>}
            <TimeText at={event.at} />
            <span>{event.text}</span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
