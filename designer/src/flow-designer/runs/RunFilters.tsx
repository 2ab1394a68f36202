import { triggerEventLabels, triggerEvents } from '../../../../workflows/flow';
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
  const { load: projects } = usePageQuery(['projects', 'options'], runsApi.projects);
  return (
    <div className="run-filters">
      <label className="field">
        <span className="field__label">Project</span>
        <select value={filter.projectId} onChange={(e) => onChange({ ...filter, projectId: e.target.value })} data-testid="runs-filter-project">
          <option value="">All projects</option>
          {projects.status === 'ready' && projects.value.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Status</span>
        <select value={filter.status} onChange={(e) => onChange({ ...filter, status: e.target.value })} data-testid="runs-filter-status">
          <option value="">Any</option>
          {flowRunStatuses.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Trigger</span>
        <select value={filter.trigger} onChange={(e) => onChange({ ...filter, trigger: e.target.value })} data-testid="runs-filter-trigger">
          <option value="">Any</option>
          {triggerEvents.map((t) => <option key={t} value={t}>{triggerEventLabels[t]}</option>)}
        </select>
      </label>
    </div>
  );
}
