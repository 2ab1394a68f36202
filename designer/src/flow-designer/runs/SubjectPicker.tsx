import { usePageQuery } from '../../app/queries';
import { runsApi } from './runs-api';

/** Events about a milestone: the test run may pick which of the project's milestones. */
export const milestoneEvents = new Set(['milestone_missed', 'milestone_at_risk']);

/** The project's milestones, for events that are about one. */
export function SubjectPicker({ projectId, value, onChange }: { projectId: string; value: string; onChange: (id: string) => void }) {
  const { load: project } = usePageQuery(['project', projectId], () => runsApi.project(projectId));
  return (
    <label className="field">
      <span className="field__label">
        Milestone <span className="field__optional">(optional)</span>
      </span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="test-run-subject">
        <option value="">The project’s first fitting one</option>
        {project.status === 'ready' && project.value.milestones.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
      </select>
    </label>
  );
}
