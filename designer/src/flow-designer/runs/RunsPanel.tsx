import { X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { triggerEventSchema } from '../../../../workflows/flow';
import { formatDateTime } from '../../shared/time';
import { HeatToggle } from './HeatToggle';
import { OpenRun } from './OpenRun';
import { RunFilters, type RunListFilter } from './RunFilters';
import { useRunPages } from './use-run-pages';
import type { FlowRunSummary } from '../../../../api/contract/flow-runs';
import { LoadFailed } from '../../shared/LoadFailed';

function RunRow({ run, onOpen }: { run: FlowRunSummary; onOpen: () => void }) {
  const { t } = useTranslation(['flowRuns', 'flowDiagnostics']);
  const known = triggerEventSchema.safeParse(run.triggerEvent);
  return (
    <li>
      <button type="button" className="run-row" onClick={onOpen} data-testid={`run-${run.id}`}>
        <span className="run-row__top">
          <strong>{run.project.name}</strong>
          <span className={`run-status run-status--${run.status}`}>{t(`status.${run.status}`)}</span>
        </span>
        <span className="muted small">
          {known.success ? t(`flowDiagnostics:events.${known.data}`) : run.triggerEvent}
          {run.subjectName !== null && ` · ${run.subjectName}`} · {t('panel.started', { at: formatDateTime(run.startedAt) })}
        </span>
      </button>
    </li>
  );
}

/** The version page's runs: filters, the list, one run on the graph, or the heat over many. */
export function RunsPanel({ flowId, version, onClose, initialRun = null }: { flowId: string; version: number; onClose: () => void; initialRun?: string | null }) {
  const { t } = useTranslation('flowRuns');
  const [filter, setFilter] = useState<RunListFilter>({ projectId: '', status: '', trigger: '' });
  const [openRun, setOpenRun] = useState<string | null>(initialRun);
  const [heat, setHeat] = useState(false);
  // Back from a run the list is read again: runs move on while one is being looked at.
  const [listed, setListed] = useState(0);
  const key = `runs:${flowId}:${version}:${filter.projectId}:${filter.status}:${filter.trigger}:${listed}`;
  const { load: runs, hasMore, more, retry } = useRunPages(flowId, { version, ...filter }, key);
  return (
    <aside className="side runs-panel" aria-label={t('panel.label')} data-testid="runs-panel">
      <div className="side__title">
        <h2>{t('panel.title', { version })}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('panel.close')}>
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
            {runs.status === 'loading' && <p className="muted">{t('panel.loading')}</p>}
            {runs.status === 'failed' && <LoadFailed message={runs.message} retry={retry} />}
            {runs.status === 'ready' &&
              (runs.value.length === 0 ? (
                <p className="muted" data-testid="runs-empty">
                  {filter.projectId || filter.status || filter.trigger ? t('panel.noneMatch') : t('panel.noneYet')}
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
                {t('panel.more')}
              </button>
            )}
          </>
        )}
      </div>
    </aside>
  );
}
