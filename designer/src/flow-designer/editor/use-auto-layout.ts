import { useNodesInitialized } from '@xyflow/react';
import type { ELK } from 'elkjs/lib/elk-api';
import { useCallback, useEffect, useRef } from 'react';
import { buildLayoutGraph, positionsFromLayout } from '../graph/layout-input';
import { useEditorApi, useEditorStore } from './store';
import { useReadableFit } from './use-readable-fit';

let elk: Promise<ELK> | null = null;

/** ELK is large; it is loaded the first time someone tidies up, not with the page. */
function loadElk(): Promise<ELK> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((module) => new module.default());
  return elk;
}

/**
 * Lays the flow out left to right with ELK, using the steps' measured sizes. Runs by itself once
 * when a loaded flow has no positions of its own; otherwise when someone asks (the Tidy up button).
 */
export function useAutoLayout(): () => Promise<void> {
  const store = useEditorApi();
  const fit = useReadableFit();
  const measured = useNodesInitialized();
  const pending = useEditorStore((s) => s.layoutPending);

  const running = useRef(false);

  const run = useCallback(
    async (alongWithLastChange: boolean) => {
      if (running.current) return;
      running.current = true;
      try {
        const engine = await loadElk();
        const s = store.getState();
        const result = await engine.layout(buildLayoutGraph(s.nodes, s.edges));
        store.getState().applyPositions(positionsFromLayout(result), alongWithLastChange);
        // Fit once React Flow has the new positions.
        requestAnimationFrame(() => fit(200));
      } finally {
        running.current = false;
      }
    },
    [store, fit],
  );

  useEffect(() => {
    // Laying out a flow that just arrived belongs to its arrival: one undo takes both back.
    if (pending && measured) void run(true);
  }, [pending, measured, run]);

  return useCallback(() => run(false), [run]);
}
