import { Download, FileText, Lock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { retrospective as catalog } from '../i18n/en/retrospective';
import { Card } from '../shared/Card';
import { TableHead } from '../shared/TableHead';
import { MemberResults } from '../scorecard/MemberResults';
import { ActionButton } from '../shared/ActionButton';
import { PageHead, ProjectCrumbs } from '../app/PageHead';
import { QueryPage } from '../app/QueryPage';
import { useSession } from '../auth/session-store';
import { RagBadge } from '../shared/badges';
import { formatNumber, formatPct } from '../shared/format';
import { PlanActualChart } from '../shared/charts';
import { isNotFound, requestJson } from '../shared/request';
import { TimeText } from '../shared/TimeText';
import { userTimeZone } from '../shared/time';
import { budgetBars, escalationBars, milestoneStrip, seriesByMetric } from './retrospective-charts';
import { ReviewIncentives } from '../incentives/ReviewIncentives';
import { BudgetChart, EscalationTimelineChart, MilestoneStripChart } from '../shared/charts';
import { TeamInputForm, TeamInputList } from './TeamInput';
import { ProjectDetail } from '../../../api/contract/projects';
import { Retrospective } from '../../../api/contract/retrospectives';
import { kpiMetricLabel, progressGoalLabel } from '../plan/goal-labels';
import { timelineEntryText } from '../../../workflows/i18n';
import { isChangeRequestField, isChangeRequestStatus } from '../../../workflows/domain/plan-item-states';

/** How the project ended, in the page's language; an outcome the catalog does not know shows as it is. */
const isKnownOutcome = (outcome: string): outcome is keyof typeof catalog.outcomes => Object.hasOwn(catalog.outcomes, outcome);

const retrospectiveKey = (id: string) => ['retrospective', id];

interface RetrospectiveData {
  project: ProjectDetail;
  retrospective: Retrospective | null;
}

async function loadRetrospective(projectId: string): Promise<RetrospectiveData> {
  const [project, retrospective] = await Promise.all([
    requestJson(ProjectDetail, 'GET', `/api/projects/${projectId}`),
    requestJson(Retrospective, 'GET', `/api/projects/${projectId}/retrospective`).catch((error: unknown) => {
      if (isNotFound(error)) return null;
      throw error;
    }),
  ]);
  return { project, retrospective };
}

/** The closing review (复盘): what happened, in charts; the team's answers; the owner's finalize. */
export function RetrospectivePage({ id }: { id: string }) {
  return <QueryPage queryKey={retrospectiveKey(id)} load={() => loadRetrospective(id)} className="page page--wide" view={RetrospectiveView} />;
}

function RetrospectiveView({ data, reload }: { data: RetrospectiveData; reload: () => Promise<void> }) {
  const { project, retrospective } = data;
  const { t } = useTranslation('retrospective');
  const { t: tExports } = useTranslation('exports');
  const { t: tMessages } = useTranslation('messages');
  const crumbs = <ProjectCrumbs project={project} />;
  if (retrospective === null) {
    return (
      <>
        <PageHead crumbs={crumbs} title={t('page.title')} />
        <p className="page-state muted">{t('page.notYet')}</p>
      </>
    );
  }
  const { report } = retrospective;
  const series = seriesByMetric(report, project.periodStart);
  const strip = milestoneStrip(report);
  const escalations = escalationBars(report);
  const exportBase = `/api/retrospectives/${retrospective.id}`;

  return (
    <>
      <PageHead
        crumbs={crumbs}
        title={t('page.titleOf', { name: project.name })}
        actions={
          <>
            <a className="button" href={`${exportBase}/export.md`} download data-testid="export-md">
              <Download size={15} aria-hidden="true" /> {t('page.markdown')}
            </a>
            <a className="button" href={`${exportBase}/export.html`} target="_blank" rel="noreferrer" data-testid="export-html">
              <FileText size={15} aria-hidden="true" /> {t('page.printable')}
            </a>
          </>
        }
      >
        {retrospective.status === 'finalized' ? (
          <>
            <Lock size={13} aria-hidden="true" /> {t('page.finalSince')} <TimeText at={retrospective.finalizedAt ?? report.compiledAt} hint={false} />
          </>
        ) : (
          <>
            {t('page.collectingUntil')} <TimeText at={retrospective.inputDueAt} /> · {t('page.closesBySelf')} <TimeText at={retrospective.hardDeadlineAt} />
          </>
        )}{' '}
        · {t('page.outcome', { outcome: isKnownOutcome(report.outcome) ? t(`outcomes.${report.outcome}`) : report.outcome, zone: userTimeZone() })}
      </PageHead>

      <section className="tiles" aria-label={t('page.goalAttainment')}>
        {report.goals.map((goal) => (
          <div key={goal.goalId} className={`tile tile--${goal.status}`}>
            <p className="tile__label">{goal.metric ? progressGoalLabel({ metric: goal.metric, label: goal.name }) : goal.name}</p>
            <p className="tile__figure">{formatPct(goal.attainmentPct)}</p>
            <p className="small">
              {t('page.ofTarget', { actual: formatNumber(goal.actual), target: formatNumber(goal.target), unit: goal.unit })} <RagBadge status={goal.status} />
            </p>
          </div>
        ))}
        <div className="tile">
          <p className="tile__label">{t('page.escalations')}</p>
          <p className="tile__figure">{report.escalations.count}</p>
          <p className="small">{t('page.highestLevel', { level: report.escalations.highestLevel || '—' })}</p>
        </div>
        <div className="tile">
          <p className="tile__label">{t('page.approvals')}</p>
          <p className="tile__figure">{report.approvals.count}</p>
          <p className="small">
            {t('page.approvalsSummary', { rejections: report.approvals.rejections, hours: report.approvals.avgTurnaroundHours ?? '—' })}
          </p>
        </div>
      </section>

      <div className="columns">
        <div className="columns__main stack">
          <Card title={t('page.planVsActual')}>
            {series.length === 0 && <p className="muted">{t('page.noGoalMeasured')}</p>}
            {series.map((s) => (
              <div key={s.metric}>
                <h3 className="small muted">{kpiMetricLabel(s.metric)}</h3>
                <PlanActualChart points={s.points} marks={s.marks} unit={kpiMetricLabel(s.metric)} label={t('page.planAgainstActual', { metric: kpiMetricLabel(s.metric) })} />
              </div>
            ))}
          </Card>
          <Card title={t('page.milestones')} testId="milestone-strip">
            {strip.length === 0 ? <p className="muted">{t('page.noMilestones')}</p> : <MilestoneStripChart bars={strip} />}
          </Card>
          <Card title={t('page.escalationsOverTime')} testId="escalation-timeline">
            {escalations.length === 0 ? (
              <p className="muted">{t('page.nothingEscalated')}</p>
            ) : (
              <>
                <EscalationTimelineChart bars={escalations} />
                <table className="table table--compact">
                  <TableHead columns={[t('page.columns.level'), t('page.columns.raised'), t('page.columns.acknowledged'), t('page.columns.averageToAck')]} />
                  <tbody>
                    {report.escalations.byLevel.map((level) => (
                      <tr key={level.level}>
                        <td>{level.level}</td>
                        <td>{level.count}</td>
                        <td>{level.acknowledged}</td>
                        <td>{level.avgHoursToAck === null ? '—' : t('page.hours', { hours: level.avgHoursToAck })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </Card>
          {report.budget.length > 0 && (
            <Card title={t('page.budget')}>
              <BudgetChart lines={budgetBars(report)} />
            </Card>
          )}
          <ReviewIncentives report={report} />
          {report.changeRequests.length > 0 && (
            <Card title={t('page.changeRequests')}>
              <ul className="plain-list">
                {report.changeRequests.map((change, index) => (
                  <li key={index}>
                    <strong>{change.subject}</strong>: {isChangeRequestField(change.field) ? tMessages(`change.fields.${change.field}`) : change.field} —{' '}
                    {isChangeRequestStatus(change.status) ? tExports(`values.${change.status}`) : change.status}
                    {change.turnaroundHours !== null && t('page.inHours', { hours: change.turnaroundHours })}
                    <br />
                    <span className="small muted">{change.reason}</span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <TeamInputList retrospective={retrospective} />
        </div>
        <aside className="columns__side stack">
          {project.can.answerReview && <TeamInputForm retrospective={retrospective} onSaved={reload} />}
          {project.can.finalizeReview && <Finalize project={project} retrospective={retrospective} onFinalized={reload} />}
          <Card title={t('page.members')}>
            {report.members.length === 0 ? (
              <p className="muted">{t('page.noKpiReports')}</p>
            ) : (
              <MemberResults members={report.members} />
            )}
          </Card>
          <Card title={t('page.whatHappened')}>
            <ol className="timeline">
              {report.timeline.map((event, index) => (
                <li key={index} className={`timeline__item timeline__item--${event.kind}`}>
                  <TimeText at={event.at} hint={false} />
                  <span>{timelineEntryText(event, tExports, (field) => tMessages(`change.fields.${field}`))}</span>
                </li>
              ))}
            </ol>
          </Card>
        </aside>
      </div>
    </>
  );
}

function Finalize({ project, retrospective, onFinalized }: { project: ProjectDetail; retrospective: Retrospective; onFinalized: () => Promise<void> }) {
  const { user } = useSession();
  const { t } = useTranslation('retrospective');
  if (retrospective.status !== 'collecting') return null;

  async function finalize() {
    await requestJson(Retrospective, 'POST', `/api/retrospectives/${retrospective.id}/finalize`, {});
    await onFinalized();
  }

  return (
    <Card title={t('finalize.title')} accent>
      <p className="field__help">
        {t('finalize.answersSoFar', { count: retrospective.inputs.length })} {user.id === project.ownerId ? t('finalize.asOwner') : t('finalize.asOther')}
      </p>
      <ActionButton
        act={finalize}
        confirm={t('finalize.confirm')}
        label={t('finalize.button')}
        busyLabel={t('finalize.busy')}
        icon={<Lock size={15} aria-hidden="true" />}
        testId="finalize"
      />
    </Card>
  );
}
