import { useNodesInitialized, useReactFlow, useStore } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { readableViewport, readableZoom } from '../graph/readable-viewport';
import type { StepEdge, StepNode } from '../graph/types';

/** Used until a step title is on the page to read the size from; the stylesheet's size. */
const fallbackTitlePx = 13;
const padding = 40;
const maxZoom = 1.2;

/**
 * Fits the flow to the canvas, but never below the zoom at which step titles are readable (a
 * larger flow starts at its top-left and scrolls). With `focus`, fits those steps instead.
 */
export function useReadableFit(focus?: readonly string[]): (duration?: number) => void {
  const { getNodes, getNodesBounds, setViewport } = useReactFlow<StepNode, StepEdge>();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const domNode = useStore((s) => s.domNode);

  return useCallback(
    (duration = 0) => {
      const all = getNodes();
      const focused = focus === undefined ? [] : all.filter((node) => focus.includes(node.id));
      const nodes = focused.length > 0 ? focused : all;
      if (nodes.length === 0 || width === 0 || height === 0) return;
      const title = domNode?.querySelector('.step__title');
      const fontPx = title ? parseFloat(getComputedStyle(title).fontSize) : fallbackTitlePx;
      const viewport = readableViewport(getNodesBounds(nodes), { width, height }, { minZoom: readableZoom(fontPx || fallbackTitlePx), maxZoom, padding });
      void setViewport(viewport, duration > 0 ? { duration } : undefined);
    },
    [getNodes, getNodesBounds, setViewport, width, height, domNode, focus],
  );
}

/** Fits readably once by itself (to `focus`, if given), when the steps are first measured; true from then on. */
export function useOpeningFit(focus?: readonly string[]): boolean {
  const fit = useReadableFit(focus);
  const measured = useNodesInitialized();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const [fitted, setFitted] = useState(false);
  useEffect(() => {
    if (fitted || !measured || width === 0 || height === 0) return;
    fit();
    setFitted(true);
  }, [fitted, measured, width, height, fit]);
  return fitted;
}
