import { useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { queryString, requestJson } from '../shared/request';
import { useDebounced } from '../shared/use-debounced';
import { covers, filterKey, matchesFilter, type ProjectFilter } from './project-filter';
import { ProjectList, type ProjectListItem } from '../../../api/contract/projects';

/** The API answers at most this many projects a request. */
export const pageLimit = 1000;

interface Loaded {
  filter: ProjectFilter;
  list: ProjectList;
}

export interface ProjectListState {
  /** Null until the first answer. */
  items: ProjectListItem[] | null;
  /** Matching projects in all, when the page holds only some of them. */
  total: number | null;
  loading: boolean;
  error: string | null;
  retry: () => void;
}

/**
 * The projects matching `filter`. Filters apply in the page at once over what was loaded; the
 * API is asked only when what was loaded cannot answer (a wider filter, or more than one page),
 * so narrowing 1,000 projects never waits for the network.
 */
export function useProjectList(filter: ProjectFilter): ProjectListState {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const loadedRef = useRef<Loaded | null>(null);
  const asked = useDebounced(filter, 200);
  const askedKey = filterKey(asked);

  useEffect(() => {
    const have = loadedRef.current;
    if (have && have.list.total === have.list.items.length && covers(have.filter, asked)) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    const query = queryString({ phase: asked.phase, ownerId: asked.ownerId, status: asked.status, q: asked.q.trim(), limit: pageLimit });
    requestJson(ProjectList, 'GET', `/api/projects${query}`, undefined, controller.signal).then(
      (list) => {
        loadedRef.current = { filter: asked, list };
        setLoaded(loadedRef.current);
        setError(null);
        setLoading(false);
      },
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(errorMessage(reason));
        setLoading(false);
      },
    );
    return () => controller.abort();
    // `asked` is described by its key; a retry asks again.
  }, [askedKey, attempt]);

  const items = useMemo(() => (loaded ? loaded.list.items.filter((item) => matchesFilter(item, filter)) : null), [loaded, filter]);
  const complete = loaded !== null && loaded.list.total === loaded.list.items.length && covers(loaded.filter, filter);
  return {
    items,
    total: loaded === null ? null : complete ? (items?.length ?? 0) : filterKey(loaded.filter) === filterKey(filter) ? loaded.list.total : null,
    loading,
    error,
    retry: () => {
      loadedRef.current = null;
      setAttempt((n) => n + 1);
    },
  };
}
