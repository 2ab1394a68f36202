import { FlaskConical, History } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/use-can';

export type RunPanel = 'runs' | 'test' | null;

/** The toolbar's way into a flow's runs (published versions only) and its test run. */
export function RunButtons({ panel, onPanel, withRuns }: { panel: RunPanel; onPanel: (panel: RunPanel) => void; withRuns: boolean }) {
  // Test runs are for the people who shape flows; the API decides regardless.
  const { t } = useTranslation('flowRuns');
  const mayTest = useCan('editFlows');
  return (
    <>
      {withRuns && (
        <button type="button" className={`button${panel === 'runs' ? ' button--on' : ''}`} aria-pressed={panel === 'runs'} onClick={() => onPanel(panel === 'runs' ? null : 'runs')} data-testid="runs-button">
          <History size={15} aria-hidden="true" /> {t('buttons.runs')}
        </button>
      )}
      {mayTest && (
        <button type="button" className={`button${panel === 'test' ? ' button--on' : ''}`} aria-pressed={panel === 'test'} onClick={() => onPanel(panel === 'test' ? null : 'test')} data-testid="test-run-button">
          <FlaskConical size={15} aria-hidden="true" /> {t('buttons.test')}
        </button>
      )}
    </>
  );
}
