import type { Box } from '../graph/edge-route';
import type { StepNode } from '../graph/types';
import { useEditorStore } from './store';

// One list per nodes array, however many edges ask: edges re-route only when steps move or resize.
const boxesByNodes = new WeakMap<readonly StepNode[], readonly Box[]>();

/** The boxes of the steps React Flow has measured, which edges are routed around. */
export function stepBoxes(nodes: readonly StepNode[]): readonly Box[] {
  let boxes = boxesByNodes.get(nodes);
  if (boxes === undefined) {
    boxes = nodes.flatMap((node) =>
      node.measured?.width === undefined || node.measured.height === undefined
        ? []
        : [{ id: node.id, x: node.position.x, y: node.position.y, width: node.measured.width, height: node.measured.height }],
    );
    boxesByNodes.set(nodes, boxes);
  }
  return boxes;
}

export function useStepBoxes(): readonly Box[] {
  return useEditorStore((s) => stepBoxes(s.nodes));
}
