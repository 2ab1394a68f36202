import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client';

export type Load<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

/** Loads something for a page; `key` changes start a new load, and late answers for an old key are dropped. */
export function useLoad<T>(key: string, load: () => Promise<T>): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (value) => live && setState({ status: 'ready', value }),
      (error: unknown) => live && setState({ status: 'failed', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; the key says what is being loaded.
  }, [key, attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}
