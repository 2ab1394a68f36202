import { ClipboardList, MessagesSquare, Pencil, Settings2 } from 'lucide-react';
import { useState } from 'react';
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
import { EditBasics } from './EditBasics';
import { KpiEntry } from './KpiEntry';
import { KpiImport } from './KpiImport';
import { PhaseStepper } from './PhaseStepper';
import { ProjectFlows } from './ProjectFlows';
import { ProjectHistory } from './ProjectHistory';
import { loadProjectPage, type ProjectPageData } from './project-data';
import { projectTimeline } from './project-timeline';
import type { Dashboard } from '../../../api/contract/dashboard';
import type { ProjectDetail } from '../../../api/contract/projects';
import type { ChangeRequest } from '../../../api/contract/lifecycle';
import { changeValueText } from '../../../workflows/domain/change-values';
import { changeRequestFieldLabels } from '../../../workflows/domain/plan-item-states';

const checkLabels: Record<string, string> = { warning: 'At-risk check', due: 'Met/missed check' };

/** One project: where it stands, what happens next, and where figures are reported. */
export function ProjectPage({ id }: { id: string }) {
  return <QueryPage queryKey={['project-page', id]} load={() => loadProjectPage(id)} className="page page--wide" view={ProjectView} />;
}

function ProjectView({ data, reload }: { data: ProjectPageData; reload: () => Promise<void> }) {
  const { project, dashboard, changeRequests, retrospective } = data;
  const nameOf = usePeopleNames();
  const lifecycle = project.lifecycle;
  const metrics = [...new Set([...dashboard.goals.map((g) => g.kpiMetric), ...project.milestones.map((m) => m.metric)])];
  const openEscalations = project.escalations.filter((e) => e.acknowledgedAt === null);
  const milestoneName = new Map(project.milestones.map((m) => [m.id, m.name]));
  const [editing, setEditing] = useState(false);
  const subjectOf = (c: ChangeRequest) => (c.subjectKind === 'milestone' ? (milestoneName.get(c.subjectId) ?? 'Milestone') : c.subjectKind === 'project' ? 'Project' : 'Goal');
  const valueOf = (c: ChangeRequest, value: unknown) => (c.subjectKind === 'project' ? changeValueText(c.field, value) : String(value));

  return (
    <>
      <PageHead
        crumbs={<ProjectCrumbs />}
        title={project.name}
        actions={
          <>
          {project.can.editBasics && !editing && (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              <Settings2 size={15} aria-hidden="true" /> Edit basics
            </button>
          )}
          {project.can.editPlan && (
            <Link href={`/projects/${project.id}/plan`} className="button button--primary">
              <Pencil size={15} aria-hidden="true" /> Edit plan
            </Link>
          )}
          {!project.can.editPlan && (
            <Link href={`/projects/${project.id}/plan`} className="button">
              <ClipboardList size={15} aria-hidden="true" /> Plan
            </Link>
          )}
          {retrospective && (
            <Link href={`/projects/${project.id}/retrospective`} className="button" data-testid="retrospective-link">
              <MessagesSquare size={15} aria-hidden="true" /> Closing review
            </Link>
          )}
          </>
        }
      >
        <PhaseBadge phase={project.phase} /> Owner {nameOf(project.ownerId)} · {formatPeriod(project.periodStart, project.periodEnd)} · times in {userTimeZone()}
      </PageHead>

      {editing && (
        <EditBasics
          project={project}
          onClose={() => setEditing(false)}
          onDone={async () => {
            setEditing(false);
            await reload();
          }}
        />
      )}
      {project.basics.description && <p className="muted">{project.basics.description}</p>}
      <PhaseStepper phase={project.phase} />
      {project.phase === 'planning' && lifecycle.planSubmitted && (
        <p className="callout callout--info" role="status" data-testid="plan-waiting">
          The plan is submitted and waits for approval.
        </p>
      )}
      {project.phase === 'planning' && lifecycle.planRejection && (
        <div className="callout callout--error" role="status">
          <p>
            <strong>The plan was rejected:</strong> {lifecycle.planRejection}
          </p>
        </div>
      )}
      {lifecycle.unavailable && <p className="callout callout--warn">Live state unavailable: {lifecycle.unavailable}</p>}

      <div className="columns">
        <div className="columns__main">
          <section aria-labelledby="goals-title" className="stack">
            <h2 id="goals-title" className="section-title">
              Goals: plan vs actual
            </h2>
            {dashboard.goals.length === 0 && <p className="muted">No goals yet. Add them in the plan.</p>}
            {dashboard.goals.map((goal) => (
              <GoalCard key={goal.goalId} goal={goal} dashboard={dashboard} />
            ))}
          </section>

          <section aria-labelledby="milestones-title" className="card">
            <h2 id="milestones-title">Milestones</h2>
            {dashboard.milestones.length === 0 ? (
              <p className="muted">No milestones.</p>
            ) : (
              <table className="table table--compact">
                <TableHead columns={['Milestone', 'Due', 'Target', 'Actual', 'Status']} />
                <tbody>
                  {dashboard.milestones.map((m) => (
                    <tr key={m.milestoneId}>
                      <td>{m.name}</td>
                      <td>
                        <TimeText at={m.dueAt} />
                      </td>
                      <td>
                        {formatNumber(m.target)} <span className="muted small">{m.metric}</span>
                      </td>
                      <td>{m.actual === null ? '—' : `${formatNumber(m.actual)} (${formatPct(m.attainmentPct)})`}</td>
                      <td>
                        <StatusPill status={m.status} />
                      </td>
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
          <Card title="Next checks" testId="next-checks">
            <PlainList
              items={[...lifecycle.nextChecks].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))}
              empty={project.phase === 'planning' ? 'Checks are scheduled once the plan is approved.' : 'No checks scheduled.'}
              keyOf={(check) => `${check.milestoneId}:${check.kind}`}
            >
              {(check) => (
                <>
                  <strong>{checkLabels[check.kind] ?? check.kind}</strong> · {milestoneName.get(check.milestoneId) ?? 'milestone'}
                  <br />
                  <span className="small">
                    {fromNow(check.at)} <span className="muted">— {formatDateTime(check.at)}</span>
                  </span>
                </>
              )}
            </PlainList>
          </Card>

          <Card title={<>Open escalations <span className={`count${openEscalations.length > 0 ? ' count--bad' : ''}`}>{openEscalations.length}</span></>} testId="open-escalations">
            <PlainList items={openEscalations} empty="None." keyOf={(e) => e.id}>
              {(e) => (
                <>
                  <strong>{milestoneName.get(e.milestoneId) ?? 'Milestone'}</strong> — level {e.level}, waiting for {e.standInId === null ? nameOf(e.recipientId) : `${nameOf(e.standInId)} on behalf of ${nameOf(e.recipientId)}`}
                  <br />
                  <span className="small muted">
                    since <TimeText at={e.createdAt} />
                  </span>
                </>
              )}
            </PlainList>
          </Card>

          <Card title={<>Change requests <span className="count">{changeRequests.filter((c) => c.status === 'pending').length}</span></>} testId="change-requests">
            <PlainList items={changeRequests} empty="None." keyOf={(c) => c.id}>
              {(c) => (
                <>
                  <strong>{subjectOf(c)}</strong> — {changeRequestFieldLabels[c.field]}{' '}
                  {valueOf(c, c.before)} → {valueOf(c, c.after)} <span className={`badge badge--${c.status}`}>{c.status}</span>
                  <br />
                  <span className="small muted">
                    {c.reason} · asked <TimeText at={c.createdAt} /> by {nameOf(c.requestedBy)}
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

function GoalCard({ goal, dashboard }: { goal: Dashboard['goals'][number]; dashboard: Dashboard }) {
  const { points, marks } = goalChartData(goal, dashboard.milestones, dashboard.asOf);
  return (
    <article className="card" data-testid={`goal-${goal.goalId}`}>
      <header className="card__head">
        <h3>{goal.label}</h3>
        <RagBadge status={goal.status} />
      </header>
      <p className="figures">
        <span>
          Actual{' '}
          <strong data-testid="goal-actual">
            {goal.actual === null ? '—' : formatNumber(goal.actual)} {goal.unit}
          </strong>
        </span>
        <span>
          Target {formatNumber(goal.target)} {goal.unit}
        </span>
        <span>Attainment {formatPct(goal.attainmentPct)}</span>
        {goal.expected !== null && (
          <span className="muted">
            Expected by now {formatNumber(goal.expected)} {goal.unit}
          </span>
        )}
      </p>
      <PlanActualChart points={points} marks={marks} unit={goal.unit} label={`${goal.label}: plan against actual, cumulative`} />
    </article>
  );
}

function Ranking({ dashboard }: { dashboard: Dashboard }) {
  return (
    <Card title="Member ranking">
      {dashboard.ranking.length === 0 && <p className="muted">No accumulating goal to rank by.</p>}
      {dashboard.ranking.map((ranking) => (
        <div key={ranking.metric}>
          <h3 className="small muted">
            {ranking.metric}, {ranking.month}
          </h3>
          {ranking.entries.length === 0 ? (
            <p className="muted small">Nobody reported this month.</p>
          ) : (
            <RankingTable rows={ranking.entries.map((entry) => ({ ...entry, id: entry.memberId }))} />
          )}
        </div>
      ))}
    </Card>
  );
}

function Risks({ dashboard, nameOf }: { dashboard: Dashboard; nameOf: (id: string | null) => string }) {
  return (
    <Card title="Open risks">
      <PlainList items={[...dashboard.openRisks].sort((a, b) => b.score - a.score)} empty="None." keyOf={(risk) => risk.id}>
        {(risk) => (
          <>
            <span className={`score score--${risk.score >= 15 ? 'high' : risk.score >= 8 ? 'mid' : 'low'}`} title={`probability ${risk.probability} × impact ${risk.impact}`}>
              {risk.score}
            </span>{' '}
            <strong>{risk.title}</strong>
            {risk.warning?.triggered && <span className="pill pill--missed">early warning</span>}
            <br />
            <span className="small muted">
              P{risk.probability} × I{risk.impact} · owner {nameOf(risk.ownerId)}
            </span>
          </>
        )}
      </PlainList>
    </Card>
  );
}

function BudgetSummary({ dashboard }: { dashboard: Dashboard }) {
  const { totals, lines } = dashboard.budget;
  if (lines.length === 0) return null;
  return (
    <Card title="Budget">
      <p>
        Spent {formatNumber(totals.spent)} of {formatNumber(totals.planned)} ({formatPct(totals.spentPct)}){totals.overspent && <span className="error-text"> — overspent</span>}
      </p>
    </Card>
  );
}

function Timeline({ project, nameOf }: { project: ProjectDetail; nameOf: (id: string | null) => string }) {
  const events = projectTimeline(project, nameOf);
  const now = Date.now();
  const firstFuture = events.findIndex((e) => Date.parse(e.at) > now);
  return (
    <Card title="Timeline">
      <ol className="timeline">
        {events.map((event, index) => (
          <li key={`${event.kind}:${event.at}:${index}`} className={`timeline__item timeline__item--${event.kind}${Date.parse(event.at) > now ? ' timeline__item--future' : ''}`}>
            {index === firstFuture && <span className="timeline__now">now</span>}
            <TimeText at={event.at} />
            <span>{event.text}</span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
