import { PageHead, ProjectCrumbs } from '../app/PageHead';
import { QueryPage } from '../app/QueryPage';
import { PhaseBadge } from '../shared/badges';
import { usePeopleNames } from '../shared/people';
import { formatPeriod, userTimeZone } from '../shared/time';
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
  return <QueryPage queryKey={['plan', id]} load={() => loadPlan(id)} view={PlanLoaded} />;
}

function PlanLoaded({ data, reload }: { data: PlanData; reload: () => Promise<void> }) {
  return <PlanView plan={{ data, can: data.project.can, editable: data.project.can.editPlan, reload }} />;
}

function PlanView({ plan }: { plan: PlanContext }) {
  const { project } = plan.data;
  const nameOf = usePeopleNames();
  return (
    <>
      <PageHead
        crumbs={<ProjectCrumbs project={project} />}
        title={`Plan: ${project.name}`}
      >
        <PhaseBadge phase={project.phase} /> Owner {nameOf(project.ownerId)} · {formatPeriod(project.periodStart, project.periodEnd)} · dates in {userTimeZone()}
      </PageHead>
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
