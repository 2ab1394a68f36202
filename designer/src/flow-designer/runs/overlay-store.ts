import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';

/**
 * What a run (or many, or a test run) put on the graph. Kept beside the editor's store rather
 * than in node data: the canvas's steps stay exactly the saved flow, and each step subscribes to
 * its own entry only, so playing a timeline re-renders the steps that change, not all of them.
 */
export interface NodeOverlay {
  /** visited: the run passed here; current: it is here now (waiting, or the entry being played). */
  readonly tone: 'visited' | 'current';
  /** Times, decisions, what the step did: one short line each. */
  readonly lines: readonly string[];
  /** "Waiting for Dan Director until Thu 09:00". */
  readonly waiting?: string | undefined;
  /** The heat view's figure: median time in the step and how many runs came by. */
  readonly badge?: string | undefined;
}

export interface EdgeOverlay {
  readonly taken: boolean;
  /** The edge just taken, while playing back. */
  readonly latest?: boolean | undefined;
  /** The heat view: how many runs took it, and the line's width for that. */
  readonly label?: string | undefined;
  readonly width?: number | undefined;
}

export interface Overlay {
  readonly nodes: Readonly<Record<string, NodeOverlay>>;
  readonly edges: Readonly<Record<string, EdgeOverlay>>;
}

export interface OverlayState {
  /** null: nothing shown, the graph looks as in the editor. */
  readonly overlay: Overlay | null;
  show(overlay: Overlay): void;
  clear(): void;
}

export type OverlayStore = StoreApi<OverlayState>;

export function createOverlayStore(): OverlayStore {
  return createStore<OverlayState>()((set) => ({
    overlay: null,
    show: (overlay) => set({ overlay }),
    clear: () => set({ overlay: null }),
  }));
}

/** Without a provider (the plain editor) nothing is ever shown. */
const nothingShown = createOverlayStore();
export const OverlayStoreContext = createContext<OverlayStore>(nothingShown);

export const useOverlayApi = (): OverlayStore => useContext(OverlayStoreContext);

/** One step's overlay; `shown` says whether any overlay is on (untouched steps are dimmed then). */
export function useNodeOverlay(id: string): { entry: NodeOverlay | undefined; shown: boolean } {
  const store = useOverlayApi();
  const entry = useStore(store, (s) => s.overlay?.nodes[id]);
  const shown = useStore(store, (s) => s.overlay !== null);
  return { entry, shown };
}

export function useEdgeOverlay(id: string): { entry: EdgeOverlay | undefined; shown: boolean } {
  const store = useOverlayApi();
  const entry = useStore(store, (s) => s.overlay?.edges[id]);
  const shown = useStore(store, (s) => s.overlay !== null);
  return { entry, shown };
}
