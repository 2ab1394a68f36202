import { useTranslation } from 'react-i18next';
import { PageHead, ProjectCrumbs } from '../app/PageHead';
import { QueryPage } from '../app/QueryPage';
import { PhaseBadge } from '../shared/badges';
import { usePeopleNames } from '../shared/people';
import { formatPeriod, timeZoneLabel } from '../shared/time';
import { BudgetSection } from './BudgetSection';
import { DecompositionSection } from './DecompositionSection';
import { GoalsSection } from './GoalsSection';
import { MembersSection } from './MembersSection';
import { MilestonesSection } from './MilestonesSection';
import { loadPlan, type PlanContext, type PlanData } from './plan-data';
import { RisksSection } from './RisksSection';
import { SubmitPlan } from './SubmitPlan';
import { TasksSection } from './TasksSection';

const planQueryKey = (id: string) => ['plan', id];

/** The plan of one project: goals, the target split, milestones, tasks, budget, risks; then approval. */
export function PlanPage({ id }: { id: string }) {
  return <QueryPage queryKey={planQueryKey(id)} load={() => loadPlan(id)} view={PlanLoaded} />;
}

function PlanLoaded({ data, reload }: { data: PlanData; reload: () => Promise<void> }) {
  return <PlanView plan={{ data, can: data.project.can, editable: data.project.can.editPlan, reload }} />;
}

function PlanView({ plan }: { plan: PlanContext }) {
  const { t } = useTranslation('plan');
  const { project } = plan.data;
  // The plan's days and times are the project calendar's, wherever the reader is.
  const { timeZone } = project.basics.calendar;
  const nameOf = usePeopleNames();
  return (
    <>
      <PageHead
        crumbs={<ProjectCrumbs project={project} />}
        title={t('page.title', { name: project.name })}
      >
        <PhaseBadge phase={project.phase} /> {t('page.summary', { owner: nameOf(project.ownerId), period: formatPeriod(project.periodStart, project.periodEnd, { timeZone }), zone: timeZoneLabel(timeZone) })}
      </PageHead>
      {!plan.editable && (
        <p className="callout callout--info" role="note">
          {project.phase === 'planning'
            ? t('page.readOnlyPlanning')
            : t('page.readOnlyApproved')}
        </p>
      )}
      <div className="stack">
        <GoalsSection plan={plan} />
        <MembersSection plan={plan} />
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
