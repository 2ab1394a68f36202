import { useTranslation } from 'react-i18next';
import { PageHead, ProjectCrumbs } from '../app/PageHead';
import { QueryPage } from '../app/QueryPage';
import { requestJson } from '../shared/request';
import { ProjectDetail } from '../../../api/contract/projects';
import { salesPlanSections } from './sections';

const salesPlanKey = (id: string) => ['sales-plan', id];

/** A project's sales plan beyond its goals and milestones: each person's quota, the funnel, the scorecard, incentives, training and the forecast. */
export function SalesPlanPage({ id }: { id: string }) {
  return <QueryPage queryKey={salesPlanKey(id)} load={() => requestJson(ProjectDetail, 'GET', `/api/projects/${id}`)} className="page page--wide" view={SalesPlanView} />;
}

function SalesPlanView({ data: project }: { data: ProjectDetail }) {
  const { t } = useTranslation('salesPlan');
  return (
    <>
      <PageHead crumbs={<ProjectCrumbs project={project} />} title={t('page.title')}>
        {t('page.summary')}
      </PageHead>
      {salesPlanSections.length === 0 && <p className="page-state muted">{t('page.empty')}</p>}
      {salesPlanSections.map(({ key, Section }) => (
        <Section key={key} project={project} />
      ))}
    </>
  );
}
