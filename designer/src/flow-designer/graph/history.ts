/**
 * Undo/redo over immutable snapshots. Snapshots share structure with the canvas state (nodes
 * and edges are never mutated), so keeping a hundred of them costs little.
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly future: readonly T[];
  /** What the last recorded change was, so a burst of the same edit (typing) is one undo step. */
  readonly lastKey: string | null;
  readonly lastAt: number;
}

export const historyLimit = 100;
/** Edits of the same thing closer together than this are undone together. */
export const coalesceMs = 1000;

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [], lastKey: null, lastAt: 0 };
}

/**
 * Call before a change, with the state as it is before it. A change with the same key as the
 * previous one, made soon after it, joins that undo step instead of starting a new one.
 */
export function record<T>(history: History<T>, before: T, key: string | null = null, now = 0): History<T> {
  if (key !== null && key === history.lastKey && now - history.lastAt < coalesceMs) {
    return { ...history, lastAt: now, future: [] };
  }
  const past = [...history.past, before];
  return {
    past: past.length > historyLimit ? past.slice(past.length - historyLimit) : past,
    future: [],
    lastKey: key,
    lastAt: now,
  };
}

export function undo<T>(history: History<T>, present: T): { history: History<T>; state: T } | null {
  const state = history.past[history.past.length - 1];
  if (state === undefined) return null;
  return {
    history: { past: history.past.slice(0, -1), future: [present, ...history.future], lastKey: null, lastAt: 0 },
    state,
  };
}

export function redo<T>(history: History<T>, present: T): { history: History<T>; state: T } | null {
  const [state, ...future] = history.future;
  if (state === undefined) return null;
  return {
    history: { past: [...history.past, present], future, lastKey: null, lastAt: 0 },
    state,
  };
}
