import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { loadOf, type Load } from '../../app/queries';
import { runsApi, type RunFilter } from './runs-api';
import type { FlowRunSummary } from '../../../../api/contract/flow-runs';

export const runsPageSize = 50;

/**
 * A version's runs, newest first, a page at a time: `more` fetches the runs that started before
 * the last one shown. A new key (other filters, or back from a run) starts over.
 */
export function useRunPages(flowId: string, filter: RunFilter, key: string): { load: Load<FlowRunSummary[]>; hasMore: boolean; more: () => void; retry: () => void } {
  const query = useInfiniteQuery({
    // The key names the filter; the filter object is new on every render.
    queryKey: ['runs', flowId, key],
    queryFn: ({ pageParam }) => runsApi.listRuns(flowId, { ...filter, limit: runsPageSize, ...(pageParam === null ? {} : { before: pageParam }) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.length === runsPageSize ? (last.at(-1)?.startedAt ?? null) : null),
  });
  const runs = useMemo(() => {
    if (query.data === undefined) return undefined;
    // A run that started at the very moment a page ends can come again on the next page.
    const seen = new Set<string>();
    return query.data.pages.flat().filter((run) => !seen.has(run.id) && seen.add(run.id));
  }, [query.data]);
  return {
    load: loadOf({ data: runs, isError: query.isError, isFetching: query.isFetching, error: query.error }),
    hasMore: query.hasNextPage,
    more: () => void query.fetchNextPage(),
    retry: () => void query.refetch(),
  };
}
