import { Download, FileText, Lock } from 'lucide-react';
import { Card } from '../shared/Card';
import { TableHead } from '../shared/TableHead';
import { RankingTable } from '../shared/RankingTable';
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
import { BudgetChart, EscalationTimelineChart, MilestoneStripChart } from '../shared/charts';
import { TeamInputForm, TeamInputList } from './TeamInput';
import { ProjectDetail } from '../../../api/contract/projects';
import { Retrospective } from '../../../api/contract/retrospectives';

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
  return <QueryPage queryKey={['retrospective', id]} load={() => loadRetrospective(id)} className="page page--wide" view={RetrospectiveView} />;
}

function RetrospectiveView({ data, reload }: { data: RetrospectiveData; reload: () => Promise<void> }) {
  const { project, retrospective } = data;
  const crumbs = <ProjectCrumbs project={project} />;
  if (retrospective === null) {
    return (
      <>
        <PageHead crumbs={crumbs} title="Closing review" />
        <p className="page-state muted">There is no closing review yet: it starts by itself when the project enters its closing review.</p>
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
        title={`Closing review: ${project.name}`}
        actions={
          <>
            <a className="button" href={`${exportBase}/export.md`} download data-testid="export-md">
              <Download size={15} aria-hidden="true" /> Markdown
            </a>
            <a className="button" href={`${exportBase}/export.html`} target="_blank" rel="noreferrer" data-testid="export-html">
              <FileText size={15} aria-hidden="true" /> Printable page
            </a>
          </>
        }
      >
        {retrospective.status === 'finalized' ? (
          <>
            <Lock size={13} aria-hidden="true" /> Final since <TimeText at={retrospective.finalizedAt ?? report.compiledAt} hint={false} />
          </>
        ) : (
          <>
            Collecting answers until <TimeText at={retrospective.inputDueAt} /> · closes by itself <TimeText at={retrospective.hardDeadlineAt} />
          </>
        )}{' '}
        · outcome {report.outcome} · times in {userTimeZone()}
      </PageHead>

      <section className="tiles" aria-label="Goal attainment">
        {report.goals.map((goal) => (
          <div key={goal.goalId} className={`tile tile--${goal.status}`}>
            <p className="tile__label">{goal.name}</p>
            <p className="tile__figure">{formatPct(goal.attainmentPct)}</p>
            <p className="small">
              {formatNumber(goal.actual)} of {formatNumber(goal.target)} {goal.unit} <RagBadge status={goal.status} />
            </p>
          </div>
        ))}
        <div className="tile">
          <p className="tile__label">Escalations</p>
          <p className="tile__figure">{report.escalations.count}</p>
          <p className="small">highest level {report.escalations.highestLevel || '—'}</p>
        </div>
        <div className="tile">
          <p className="tile__label">Approvals</p>
          <p className="tile__figure">{report.approvals.count}</p>
          <p className="small">
            {report.approvals.rejections} rejected · avg {report.approvals.avgTurnaroundHours ?? '—'} h
          </p>
        </div>
      </section>

      <div className="columns">
        <div className="columns__main stack">
          <Card title="Plan vs actual">
            {series.length === 0 && <p className="muted">No milestone measured a goal.</p>}
            {series.map((s) => (
              <div key={s.metric}>
                <h3 className="small muted">{s.metric}</h3>
                <PlanActualChart points={s.points} marks={s.marks} unit={s.metric} label={`${s.metric}: plan against actual, cumulative`} />
              </div>
            ))}
          </Card>
          <Card title="Milestones: hit or missed" testId="milestone-strip">
            {strip.length === 0 ? <p className="muted">No milestones.</p> : <MilestoneStripChart bars={strip} />}
          </Card>
          <Card title="Escalations over time" testId="escalation-timeline">
            {escalations.length === 0 ? (
              <p className="muted">Nothing was escalated.</p>
            ) : (
              <>
                <EscalationTimelineChart bars={escalations} />
                <table className="table table--compact">
                  <TableHead columns={['Level', 'Raised', 'Acknowledged', 'Average time to acknowledge']} />
                  <tbody>
                    {report.escalations.byLevel.map((level) => (
                      <tr key={level.level}>
                        <td>{level.level}</td>
                        <td>{level.count}</td>
                        <td>{level.acknowledged}</td>
                        <td>{level.avgHoursToAck === null ? '—' : `${level.avgHoursToAck} h`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </Card>
          {report.budget.length > 0 && (
            <Card title="Budget">
              <BudgetChart lines={budgetBars(report)} />
            </Card>
          )}
          {report.changeRequests.length > 0 && (
            <Card title="Change requests">
              <ul className="plain-list">
                {report.changeRequests.map((change, index) => (
                  <li key={index}>
                    <strong>{change.subject}</strong>: {change.field} — {change.status}
                    {change.turnaroundHours !== null && ` in ${change.turnaroundHours} h`}
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
          <Card title="Members">
            {report.members.length === 0 ? (
              <p className="muted">No KPI reports.</p>
            ) : (
              <RankingTable rows={report.members.map((m) => ({ ...m, id: m.userId }))} />
            )}
          </Card>
          <Card title="What happened">
            <ol className="timeline">
              {report.timeline.map((event, index) => (
                <li key={index} className={`timeline__item timeline__item--${event.kind}`}>
                  <TimeText at={event.at} hint={false} />
                  <span>{event.text}</span>
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
  if (retrospective.status !== 'collecting') return null;

  async function finalize() {
    await requestJson(Retrospective, 'POST', `/api/retrospectives/${retrospective.id}/finalize`, {});
    await onFinalized();
  }

  return (
    <Card title="Finalize" accent>
      <p className="field__help">
        {retrospective.inputs.length} answer{retrospective.inputs.length === 1 ? '' : 's'} so far. {user.id === project.ownerId ? 'As the owner, you' : 'The owner, their managers or an admin'} close the review; it also closes by itself at the hard deadline.
      </p>
      <ActionButton
        act={finalize}
        confirm="Finalize the closing review? The report is compiled once more and frozen; answers are no longer taken."
        label="Finalize the review"
        busyLabel="Finalizing…"
        icon={<Lock size={15} aria-hidden="true" />}
        testId="finalize"
      />
    </Card>
  );
}
