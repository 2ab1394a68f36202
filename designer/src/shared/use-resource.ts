import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import type { Load } from '../app/use-load';

export interface Resource<T> {
  load: Load<T>;
  /** After a failure: load again from scratch. */
  retry: () => void;
  /** After a change: fetch again while the page keeps showing what it has. */
  reload: () => Promise<void>;
}

/**
 * Like `useLoad`, plus `reload` for after an action: the page stays on screen (no flash of
 * "Loading…") and the new figures replace the old when they arrive.
 */
export function useResource<T>(key: string, fetcher: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef({ key, fetcher });
  latest.current = { key, fetcher };

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    fetcher().then(
      (value) => live && setState({ status: 'ready', value }),
      (error: unknown) => live && setState({ status: 'failed', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
    // `fetcher` is a fresh closure each render; the key says what is being loaded.
  }, [key, attempt]);

  const reload = useCallback(async () => {
    const { key: askedFor, fetcher: fetchNow } = latest.current;
    try {
      const value = await fetchNow();
      if (latest.current.key === askedFor) setState({ status: 'ready', value });
    } catch (error) {
      // What is on screen stays: a failed refresh is not worth hiding it for.
      if (latest.current.key === askedFor) setState((shown) => (shown.status === 'ready' ? shown : { status: 'failed', message: errorMessage(error) }));
    }
  }, []);

  return { load: state, retry: () => setAttempt((n) => n + 1), reload };
}
