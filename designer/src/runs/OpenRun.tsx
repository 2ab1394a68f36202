import { RefreshCw } from 'lucide-react';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client';
import { useOverlayApi } from './overlay-store';
import { RunTraceView } from './RunTraceView';
import { traceOverlay } from './run-overlay';
import { runsApi } from './runs-api';
import { usePortLabels } from './use-step-labels';
import type { FlowRunTrace } from '../../../api/contract/flow-runs';

const refreshRunningMs = 10_000;

/** One run opened: its trace on the graph, and the same in words here; refreshable while it runs. */
export function OpenRun({ runId, onBack }: { runId: string; onBack: () => void }) {
  const overlay = useOverlayApi();
  const portLabel = usePortLabels();
  const [trace, setTrace] = useState<FlowRunTrace | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    runsApi.trace(runId).then(
      (loaded) => {
        if (!live) return;
        setTrace(loaded);
        setError(null);
        overlay.getState().show(traceOverlay(loaded, undefined, portLabel));
      },
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [runId, attempt, overlay, portLabel]);
  useEffect(() => () => overlay.getState().clear(), [overlay]);
  // A running run moves on by itself (someone decides, a timer fires): read it again now and then.
  const running = trace?.status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setAttempt((n) => n + 1), refreshRunningMs);
    return () => clearInterval(timer);
  }, [running]);
  return (
    <div className="run-open" data-testid="run-open">
      <div className="run-open__bar">
        <button type="button" className="button" onClick={onBack} data-testid="runs-back">
          ← All runs
        </button>
        <button type="button" className="icon-button" onClick={() => setAttempt((n) => n + 1)} title="Read the run again" aria-label="Refresh">
          <RefreshCw size={15} />
        </button>
      </div>
      {error !== null && <p className="error-text">{error}</p>}
      {trace === null ? error === null && <p className="muted">Loading…</p> : <RunTraceView trace={trace} />}
    </div>
  );
}
