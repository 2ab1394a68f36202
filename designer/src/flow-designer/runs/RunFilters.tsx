import { useTranslation } from 'react-i18next';
import { triggerEvents } from '../../../../workflows/flow';
import { usePageQuery } from '../../app/queries';
import { runsApi } from './runs-api';
import { flowRunStatuses } from '../../../../workflows/domain/approval-states';

export interface RunListFilter {
  projectId: string;
  status: string;
  trigger: string;
}

/** Filters over a version's runs: project, status, trigger. */
export function RunFilters({ filter, onChange }: { filter: RunListFilter; onChange: (filter: RunListFilter) => void }) {
  const { t } = useTranslation(['flowRuns', 'flowDiagnostics']);
  const { load: projects } = usePageQuery(['projects', 'options'], runsApi.projects);
  return (
    <div className="run-filters">
      <label className="field">
        <span className="field__label">{t('filters.project')}</span>
        <select value={filter.projectId} onChange={(e) => onChange({ ...filter, projectId: e.target.value })} data-testid="runs-filter-project">
          <option value="">{t('filters.allProjects')}</option>
          {projects.status === 'ready' && projects.value.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('filters.status')}</span>
        <select value={filter.status} onChange={(e) => onChange({ ...filter, status: e.target.value })} data-testid="runs-filter-status">
          <option value="">{t('filters.any')}</option>
          {flowRunStatuses.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('filters.trigger')}</span>
        <select value={filter.trigger} onChange={(e) => onChange({ ...filter, trigger: e.target.value })} data-testid="runs-filter-trigger">
          <option value="">{t('filters.any')}</option>
          {triggerEvents.map((event) => <option key={event} value={event}>{t(`flowDiagnostics:events.${event}`)}</option>)}
        </select>
      </label>
    </div>
  );
}
