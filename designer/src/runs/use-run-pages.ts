import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client';
import type { Load } from '../app/use-load';
import { runsApi, type RunFilter } from './runs-api';
import type { FlowRunSummary } from '../../../api/contract/flow-runs';

export const runsPageSize = 50;

/**
 * A version's runs, newest first, a page at a time: `more` fetches the runs that started before
 * the last one shown. A new key (other filters, or back from a run) starts over.
 */
export function useRunPages(flowId: string, filter: RunFilter, key: string): { load: Load<FlowRunSummary[]>; hasMore: boolean; more: () => void; retry: () => void } {
  const [load, setLoad] = useState<Load<FlowRunSummary[]>>({ status: 'loading' });
  const [hasMore, setHasMore] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setLoad({ status: 'loading' });
    runsApi.listRuns(flowId, { ...filter, limit: runsPageSize }).then(
      (runs) => {
        if (!live) return;
        setLoad({ status: 'ready', value: runs });
        setHasMore(runs.length === runsPageSize);
      },
      (error: unknown) => live && setLoad({ status: 'failed', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
    // The key names the filter; the filter object is new on every render.
  }, [flowId, key, attempt]);
  const more = useCallback(() => {
    if (load.status !== 'ready') return;
    const shown = load.value;
    const before = shown.at(-1)?.startedAt;
    if (before === undefined) return;
    runsApi.listRuns(flowId, { ...filter, limit: runsPageSize, before }).then(
      (older) => {
        const known = new Set(shown.map((r) => r.id));
        setLoad({ status: 'ready', value: [...shown, ...older.filter((r) => !known.has(r.id))] });
        setHasMore(older.length === runsPageSize);
      },
      (error: unknown) => setLoad({ status: 'failed', message: errorMessage(error) }),
    );
  }, [flowId, filter, load]);
  return { load, hasMore, more, retry: () => setAttempt((n) => n + 1) };
}
