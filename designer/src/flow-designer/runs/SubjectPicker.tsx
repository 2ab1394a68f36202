import { useTranslation } from 'react-i18next';
import { usePageQuery } from '../../app/queries';
import { runsApi } from './runs-api';

/** Events about a milestone: the test run may pick which of the project's milestones. */
export const milestoneEvents = new Set(['milestone_missed', 'milestone_at_risk']);

/** The project's milestones, for events that are about one. */
export function SubjectPicker({ projectId, value, onChange }: { projectId: string; value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation('flowRuns');
  const { load: project } = usePageQuery(['project', projectId], () => runsApi.project(projectId));
  return (
    <label className="field">
      <span className="field__label">
        {t('subject.label')} <span className="field__optional">{t('subject.optional')}</span>
      </span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="test-run-subject">
        <option value="">{t('subject.firstFitting')}</option>
        {project.status === 'ready' && project.value.milestones.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
      </select>
    </label>
  );
}
