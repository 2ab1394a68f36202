import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { errorMessage } from '../api/client';
import { queryString, requestJson } from '../shared/request';
import { useDebounced } from '../shared/use-debounced';
import { covers, filterKey, matchesFilter, type ProjectFilter } from './project-filter';
import { ProjectList, type ProjectListItem } from '../../../api/contract/projects';

/** Projects a page of the list loads at a time (the API's default). */
export const pageLimit = 50;

interface LoadedPage {
  filter: ProjectFilter;
  list: ProjectList;
}

/** Every project matching `filter`, loaded to the last page. */
interface Complete {
  filter: ProjectFilter;
  items: ProjectListItem[];
}

export interface ProjectListState {
  /** Null until the first answer. */
  items: ProjectListItem[] | null;
  /** More projects match than are loaded: the next page is there to load. */
  more: boolean;
  loadMore: () => void;
  loadingMore: boolean;
  moreError: string | null;
  loading: boolean;
  error: string | null;
  retry: () => void;
}

/**
 * The projects matching `filter`, newest first, a page at a time. Once every page of a filter is
 * loaded, narrower filters apply in the page at once over what was loaded; the API is asked only
 * when what was loaded cannot answer (a wider filter, or a list with pages still to load).
 */
export function useProjectList(filter: ProjectFilter): ProjectListState {
  const asked = useDebounced(filter, 200);
  // The last complete answer, while it covers what is asked: then the page filters it itself.
  const complete = useRef<Complete | null>(null);
  const have = complete.current;
  const fetchFor = have && covers(have.filter, asked) ? have.filter : asked;
  const query = useInfiniteQuery({
    queryKey: ['projects', 'list', filterKey(fetchFor)],
    queryFn: async ({ pageParam, signal }): Promise<LoadedPage> => {
      const q = queryString({ phase: fetchFor.phase, ownerId: fetchFor.ownerId, status: fetchFor.status, q: fetchFor.q.trim(), limit: pageLimit, cursor: pageParam });
      return { filter: fetchFor, list: await requestJson(ProjectList, 'GET', `/api/projects${q}`, undefined, signal) };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.list.nextCursor,
    placeholderData: keepPreviousData,
  });
  const pages = query.data?.pages;
  const loaded = useMemo(() => (pages?.[0] ? { filter: pages[0].filter, items: pages.flatMap((page) => page.list.items) } : null), [pages]);
  const more = query.hasNextPage;
  if (loaded && !query.isPlaceholderData) complete.current = more ? null : loaded;

  const items = useMemo(() => (loaded ? loaded.items.filter((item) => matchesFilter(item, filter)) : null), [loaded, filter]);
  return {
    items,
    more: more && !query.isPlaceholderData,
    loadMore: () => void query.fetchNextPage(),
    loadingMore: query.isFetchingNextPage,
    moreError: query.isFetchNextPageError ? errorMessage(query.error) : null,
    loading: query.isFetching && !query.isFetchingNextPage,
    error: query.isError && !query.isFetchNextPageError ? errorMessage(query.error) : null,
    retry: () => {
      complete.current = null;
      void query.refetch();
    },
  };
}
