import { RefreshCw } from 'lucide-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useOverlayApi } from './overlay-store';
import { RunTraceView } from './RunTraceView';
import { traceOverlay } from './run-overlay';
import { runsApi } from './runs-api';
import { usePortLabels } from './use-step-labels';

const refreshRunningMs = 10_000;

/** One run opened: its trace on the graph, and the same in words here; refreshable while it runs. */
export function OpenRun({ runId, onBack }: { runId: string; onBack: () => void }) {
  const { t } = useTranslation('flowRuns');
  const overlay = useOverlayApi();
  const portLabel = usePortLabels();
  const query = useQuery({
    queryKey: ['run-trace', runId],
    queryFn: () => runsApi.trace(runId),
    // A running run moves on by itself (someone decides, a timer fires): read it again now and then.
    refetchInterval: (current) => (current.state.data?.status === 'running' ? refreshRunningMs : false),
  });
  const trace = query.data ?? null;
  const error = query.isError ? errorMessage(query.error) : null;
  useEffect(() => {
    if (query.data) overlay.getState().show(traceOverlay(query.data, undefined, portLabel, t));
  }, [query.data, overlay, portLabel, t]);
  useEffect(() => () => overlay.getState().clear(), [overlay]);
  return (
    <div className="run-open" data-testid="run-open">
      <div className="run-open__bar">
        <button type="button" className="button" onClick={onBack} data-testid="runs-back">
          {t('open.back')}
        </button>
        <button type="button" className="icon-button" onClick={() => void query.refetch()} title={t('open.reread')} aria-label={t('open.refresh')}>
          <RefreshCw size={15} />
        </button>
      </div>
      {error !== null && <p className="error-text">{error}</p>}
      {trace === null ? error === null && <p className="muted">{t('open.loading')}</p> : <RunTraceView trace={trace} />}
    </div>
  );
}
