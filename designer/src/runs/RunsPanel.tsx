import { RefreshCw, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { triggerEventLabels, triggerEvents, type TriggerEvent } from '../../../workflows/flow';
import { errorMessage } from '../api/client';
import { useLoad } from '../app/use-load';
import { useRunPages } from './use-run-pages';
import { formatDateTime } from '../shared/time';
import { useOverlayApi } from './overlay-store';
import { RunTraceView } from './RunTraceView';
import { usePortLabels } from './use-step-labels';
import { heatOverlay, traceOverlay } from './run-overlay';
import { runStatuses, type FlowRunSummary, type FlowRunTrace } from './run-schemas';
import { runsApi } from './runs-api';

const refreshRunningMs = 10_000;

const triggerLabel = (event: string) => (triggerEvents.includes(event as TriggerEvent) ? triggerEventLabels[event as TriggerEvent] : event);

/** Filters over a version's runs: project, status, trigger. */
function RunFilters({ filter, onChange }: { filter: Filter; onChange: (filter: Filter) => void }) {
  const [projects] = useLoad('run-filter-projects', runsApi.projects);
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
          {runStatuses.map((s) => <option key={s} value={s}>{s}</option>)}
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

interface Filter {
  projectId: string;
  status: string;
  trigger: string;
}

function RunRow({ run, onOpen }: { run: FlowRunSummary; onOpen: () => void }) {
  return (
    <li>
      <button type="button" className="run-row" onClick={onOpen} data-testid={`run-${run.id}`}>
        <span className="run-row__top">
          <strong>{run.project.name}</strong>
          <span className={`run-status run-status--${run.status}`}>{run.status}</span>
        </span>
        <span className="muted small">
          {triggerLabel(run.triggerEvent)}
          {run.subjectName !== null && ` · ${run.subjectName}`} · started {formatDateTime(run.startedAt)}
        </span>
      </button>
    </li>
  );
}

/** One run opened: its trace on the graph, and the same in words here; refreshable while it runs. */
function OpenRun({ runId, onBack }: { runId: string; onBack: () => void }) {
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

/** The heat view's switch and how many runs it counts. */
function HeatToggle({ flowId, version, on, onChange }: { flowId: string; version: number; on: boolean; onChange: (on: boolean) => void }) {
  const overlay = useOverlayApi();
  const [last, setLast] = useState(50);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    if (!on) return;
    let live = true;
    setStatus('Counting…');
    runsApi.heat(flowId, version, last).then(
      (heat) => {
        if (!live) return;
        overlay.getState().show(heatOverlay(heat));
        setStatus(heat.runs === 0 ? 'No finished runs with a recorded path yet.' : `Over the last ${heat.runs} finished run${heat.runs === 1 ? '' : 's'}.`);
      },
      (error: unknown) => live && setStatus(errorMessage(error)),
    );
    return () => {
      live = false;
      overlay.getState().clear();
    };
  }, [on, last, flowId, version, overlay]);
  return (
    <div className="heat-toggle">
      <label className="field--inline">
        <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} data-testid="heat-toggle" />
        <span>Heat view over the last</span>
        <input type="number" className="heat-toggle__last" min={1} max={500} value={last} onChange={(e) => setLast(Math.min(500, Math.max(1, Number(e.target.value) || 1)))} aria-label="How many runs" />
        <span>runs</span>
      </label>
      {on && status !== null && (
        <p className="muted small" data-testid="heat-status">
          {status}
        </p>
      )}
    </div>
  );
}

/** The version page's runs: filters, the list, one run on the graph, or the heat over many. */
export function RunsPanel({ flowId, version, onClose, initialRun = null }: { flowId: string; version: number; onClose: () => void; initialRun?: string | null }) {
  const [filter, setFilter] = useState<Filter>({ projectId: '', status: '', trigger: '' });
  const [openRun, setOpenRun] = useState<string | null>(initialRun);
  const [heat, setHeat] = useState(false);
  // Back from a run the list is read again: runs move on while one is being looked at.
  const [listed, setListed] = useState(0);
  const key = `runs:${flowId}:${version}:${filter.projectId}:${filter.status}:${filter.trigger}:${listed}`;
  const { load: runs, hasMore, more, retry } = useRunPages(flowId, { version, ...filter }, key);
  return (
    <aside className="side runs-panel" aria-label="Runs of this version" data-testid="runs-panel">
      <div className="side__title">
        <h2>Runs of version {version}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close the runs">
          <X size={16} />
        </button>
      </div>
      <div className="side__body panel">
        {openRun !== null ? (
          <OpenRun
            runId={openRun}
            onBack={() => {
              setOpenRun(null);
              setListed((n) => n + 1);
            }}
          />
        ) : (
          <>
            <HeatToggle flowId={flowId} version={version} on={heat} onChange={setHeat} />
            <RunFilters filter={filter} onChange={setFilter} />
            {runs.status === 'loading' && <p className="muted">Loading…</p>}
            {runs.status === 'failed' && (
              <p className="error-text">
                {runs.message}{' '}
                <button type="button" className="button" onClick={retry}>
                  Try again
                </button>
              </p>
            )}
            {runs.status === 'ready' &&
              (runs.value.length === 0 ? (
                <p className="muted" data-testid="runs-empty">
                  No runs{filter.projectId || filter.status || filter.trigger ? ' match these filters' : ' of this version yet'}.
                </p>
              ) : (
                <ul className="run-list" data-testid="run-list">
                  {runs.value.map((run) => (
                    <RunRow
                      key={run.id}
                      run={run}
                      onOpen={() => {
                        setHeat(false);
                        setOpenRun(run.id);
                      }}
                    />
                  ))}
                </ul>
              ))}
            {runs.status === 'ready' && hasMore && (
              <button type="button" className="button" onClick={more} data-testid="runs-more">
                Show older runs
              </button>
            )}
          </>
        )}
      </div>
    </aside>
  );
}
