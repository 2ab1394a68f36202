import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
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
  const asked = useDebounced(filter, 200);
  // The last complete answer, while it covers what is asked: then the page filters it itself.
  const complete = useRef<Loaded | null>(null);
  const have = complete.current;
  const fetchFor = have && covers(have.filter, asked) ? have.filter : asked;
  const query = useQuery({
    queryKey: ['projects', 'list', filterKey(fetchFor)],
    queryFn: async ({ signal }): Promise<Loaded> => {
      const q = queryString({ phase: fetchFor.phase, ownerId: fetchFor.ownerId, status: fetchFor.status, q: fetchFor.q.trim(), limit: pageLimit });
      return { filter: fetchFor, list: await requestJson(ProjectList, 'GET', `/api/projects${q}`, undefined, signal) };
    },
    placeholderData: keepPreviousData,
  });
  const loaded = query.data ?? null;
  if (loaded && !query.isPlaceholderData) complete.current = loaded.list.total === loaded.list.items.length ? loaded : null;

  const items = useMemo(() => (loaded ? loaded.list.items.filter((item) => matchesFilter(item, filter)) : null), [loaded, filter]);
  const whole = loaded !== null && loaded.list.total === loaded.list.items.length && covers(loaded.filter, filter);
  return {
    items,
    total: loaded === null ? null : whole ? (items?.length ?? 0) : filterKey(loaded.filter) === filterKey(filter) ? loaded.list.total : null,
    loading: query.isFetching,
    error: query.isError ? errorMessage(query.error) : null,
    retry: () => {
      complete.current = null;
      void query.refetch();
    },
  };
}
