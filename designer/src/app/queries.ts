import { QueryClient, useQuery, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import { errorMessage } from '../api/client';

/**
 * The page's server state. No retries: a refusal (401, 403, 404) is an answer to show, not a
 * hiccup, and a page that fails shows "Try again". A page's answers are dropped when it closes
 * (`gcTime: 0`), so a page opened again asks afresh rather than showing figures from before; the
 * list of people is the exception (kept, and invalidated when someone is added or changed).
 * Writes invalidate what they change.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, gcTime: 0 },
    mutations: { retry: false },
  },
});

export type Load<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

/**
 * A query as the page shows it. What is on screen stays while it is fetched again, and when a
 * refresh fails (not worth hiding it for); "Try again" shows "Loading…" until the answer comes.
 */
export function loadOf<T>(query: Pick<UseQueryResult<T>, 'isError' | 'isFetching' | 'error'> & { data: T | undefined }): Load<T> {
  if (query.data !== undefined) return { status: 'ready', value: query.data };
  if (query.isError && !query.isFetching) return { status: 'failed', message: errorMessage(query.error) };
  return { status: 'loading' };
}

export interface PageQuery<T> {
  load: Load<T>;
  /** After a failure: ask again. */
  retry: () => void;
  /** After a change: fetch again while the page keeps showing what it has; resolves once the new answer is shown. */
  reload: () => Promise<void>;
}

/** One page's data under `queryKey`, as `PageState` shows it. */
export function usePageQuery<T>(queryKey: QueryKey, queryFn: (context: { signal: AbortSignal }) => Promise<T>): PageQuery<T> {
  const query = useQuery({ queryKey, queryFn });
  const hash = JSON.stringify(queryKey);
  // Stable while the key is the same (a new array each render is the same key).
  const reload = useCallback(() => queryClient.invalidateQueries({ queryKey: JSON.parse(hash) as QueryKey, exact: true }), [hash]);
  return { load: loadOf(query), retry: () => void query.refetch(), reload };
}
