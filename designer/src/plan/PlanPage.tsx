import { Link } from 'wouter';
import { PageState } from '../app/PageState';
import { PhaseBadge } from '../shared/badges';
import { usePeopleNames } from '../shared/people';
import { formatPeriod, userTimeZone } from '../shared/time';
import { usePageQuery } from '../app/queries';
import { BudgetSection } from './BudgetSection';
import { DecompositionSection } from './DecompositionSection';
import { GoalsSection } from './GoalsSection';
import { MilestonesSection } from './MilestonesSection';
import { loadPlan, type PlanContext, type PlanData } from './plan-data';
import { RisksSection } from './RisksSection';
import { SubmitPlan } from './SubmitPlan';
import { TasksSection } from './TasksSection';

/** The plan of one project: goals, the target split, milestones, tasks, budget, risks; then approval. */
export function PlanPage({ id }: { id: string }) {
  const resource = usePageQuery(['plan', id], () => loadPlan(id));
  return (
    <main className="page">
      <PageState load={resource.load} retry={resource.retry}>
        {(data) => <PlanLoaded data={data} reload={resource.reload} />}
      </PageState>
    </main>
  );
}

function PlanLoaded({ data, reload }: { data: PlanData; reload: () => Promise<void> }) {
  return <PlanView plan={{ data, can: data.project.can, editable: data.project.can.editPlan, reload }} />;
}

function PlanView({ plan }: { plan: PlanContext }) {
  const { project } = plan.data;
  const nameOf = usePeopleNames();
  return (
    <>
      <div className="page__head">
        <div>
          <p className="crumbs">
            <Link href="/projects">Projects</Link> / <Link href={`/projects/${project.id}`}>{project.name}</Link> /
          </p>
          <h1>Plan: {project.name}</h1>
          <p className="muted">
            <PhaseBadge phase={project.phase} /> Owner {nameOf(project.ownerId)} · {formatPeriod(project.periodStart, project.periodEnd)} · dates in{' '}
            {userTimeZone()}
          </p>
        </div>
      </div>
      {!plan.editable && (
        <p className="callout callout--info" role="note">
          {project.phase === 'planning'
            ? 'You can read this plan; its owner, the owner’s managers and admins change it.'
            : 'The plan is approved and read-only; targets and dates now change through change requests.'}
        </p>
      )}
      <div className="stack">
        <GoalsSection plan={plan} />
        <DecompositionSection plan={plan} />
        <MilestonesSection plan={plan} />
        <TasksSection plan={plan} />
        <BudgetSection plan={plan} />
        <RisksSection plan={plan} />
        <SubmitPlan plan={plan} />
      </div>
    </>
  );
}
