import { useInfiniteQuery, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { errorMessage } from '../api/client';
import { loadOf, queryClient, type PageQuery } from '../app/queries';
import type { AuditEvent, AuditPage } from '../../../api/contract/audit';

export interface AuditPages<T extends AuditPage> {
  /** The newest page, as the page shows it loading, failing or loaded. */
  first: PageQuery<T>;
  /** The first page's events, then every older page fetched so far. */
  events: AuditEvent[];
  /** Where the next older page starts; null when there is none. */
  nextBefore: number | null;
  more: () => Promise<void>;
  loadingMore: boolean;
  moreError: string | null;
  /** After a change: fetch the newest page again and forget the older ones. */
  refresh: () => Promise<void>;
}

/** The audit trail a page at a time, newest first: `load(before)` fetches the page older than `before`. */
export function useAuditPages<T extends AuditPage>(queryKey: QueryKey, load: (before?: number) => Promise<T>): AuditPages<T> {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => load(pageParam ?? undefined),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
  });
  const { data, fetchNextPage, hasNextPage } = query;
  const events = useMemo(() => data?.pages.flatMap((page) => page.events) ?? [], [data]);
  const firstPage = data?.pages[0];

  const hash = JSON.stringify(queryKey);
  // Stable while the key is the same (a new array each render is the same key).
  const refresh = useCallback(async () => {
    const key = JSON.parse(hash) as QueryKey;
    queryClient.setQueryData<InfiniteData<T, number | null>>(key, (shown) => shown && { pages: shown.pages.slice(0, 1), pageParams: shown.pageParams.slice(0, 1) });
    await queryClient.invalidateQueries({ queryKey: key, exact: true });
  }, [hash]);

  return {
    first: {
      load: loadOf({ data: firstPage, isError: query.isError, isFetching: query.isFetching, error: query.error }),
      retry: () => void query.refetch(),
      reload: refresh,
    },
    events,
    nextBefore: hasNextPage ? (data?.pages.at(-1)?.nextBefore ?? null) : null,
    more: async () => {
      await fetchNextPage();
    },
    loadingMore: query.isFetchingNextPage,
    moreError: query.isFetchNextPageError ? errorMessage(query.error) : null,
    refresh,
  };
}
