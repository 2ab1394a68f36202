import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { requestJson } from '../shared/request';
import { useDebounced } from '../shared/use-debounced';
import { DecompositionPreview } from '../../../api/contract/plan';

export interface PreviewAsk {
  goalId: string;
  granularity: 'quarter' | 'month';
  /** Null: split evenly (by length). Entries are sent as typed, for the API to judge. */
  weights: (number | string)[] | null;
  scale: number;
}

export interface PreviewState {
  /** The last split the API gave, kept on screen while the next is computed. */
  preview: DecompositionPreview | null;
  /** Whether `preview` answers the current inputs. */
  current: boolean;
  loading: boolean;
  /** The API's refusal: its message, and details by path (`weights`, `weights.3`, `goalId`…). */
  error: { message: string; details: Record<string, string> } | null;
}

/** The split as the API computes it, asked again 300 ms after the inputs stop changing. */
export function useDecompositionPreview(projectId: string, ask: PreviewAsk | null): PreviewState {
  const key = ask === null ? '' : JSON.stringify(ask);
  const settledKey = useDebounced(key, 300);
  const query = useQuery({
    queryKey: ['decomposition-preview', projectId, settledKey],
    queryFn: ({ signal }) => {
      const body = JSON.parse(settledKey) as PreviewAsk;
      return requestJson(
        DecompositionPreview,
        'POST',
        `/api/projects/${projectId}/decomposition/preview`,
        { goalId: body.goalId, granularity: body.granularity, scale: body.scale, ...(body.weights === null ? {} : { weights: body.weights }) },
        signal,
      );
    },
    enabled: settledKey !== '',
    // The last split stays on screen while the next is computed, and when the next is refused.
    placeholderData: keepPreviousData,
  });
  const lastGood = useRef<DecompositionPreview | null>(null);
  if (query.data !== undefined) lastGood.current = query.data;

  const settled = settledKey === key;
  const answered = settled && !query.isFetching;
  const error = answered && query.isError ? { message: errorMessage(query.error), details: query.error instanceof ApiError ? Object.fromEntries(query.error.details.map((d) => [d.path, d.message])) : {} } : null;
  return {
    preview: lastGood.current,
    current: answered && query.isSuccess && !query.isPlaceholderData,
    loading: query.isFetching || !settled,
    error,
  };
}
