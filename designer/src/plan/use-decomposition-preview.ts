import { useEffect, useState } from 'react';
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
  const [state, setState] = useState<PreviewState & { key: string }>({ preview: null, current: false, loading: false, error: null, key: '' });

  useEffect(() => {
    if (settledKey === '') return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const body = JSON.parse(settledKey) as PreviewAsk;
    requestJson(
      DecompositionPreview,
      'POST',
      `/api/projects/${projectId}/decomposition/preview`,
      { goalId: body.goalId, granularity: body.granularity, scale: body.scale, ...(body.weights === null ? {} : { weights: body.weights }) },
      controller.signal,
    ).then(
      (preview) => setState({ preview, current: true, loading: false, error: null, key: settledKey }),
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        const details = reason instanceof ApiError ? Object.fromEntries(reason.details.map((d) => [d.path, d.message])) : {};
        setState((s) => ({ ...s, loading: false, current: false, error: { message: errorMessage(reason), details }, key: settledKey }));
      },
    );
    return () => controller.abort();
  }, [projectId, settledKey]);

  const settled = state.key === key;
  return { preview: state.preview, current: settled && state.current, loading: state.loading || !settled, error: settled ? state.error : null };
}
