import type { FlowDraftNode, FlowEdge } from '../../../../workflows/flow';
import { fromStepEdge, fromStepNode, toStepEdge, toStepNode } from './draft-convert';
import { freshId } from './ids';
import type { StepEdge, StepNode } from './types';

/** Copied steps in the saved format, so the clipboard is plain JSON that outlives the canvas objects. */
export interface Clipboard {
  readonly nodes: readonly FlowDraftNode[];
  /** Only connections between copied steps: a pasted group keeps its inner wiring and nothing else. */
  readonly edges: readonly FlowEdge[];
}

export function copySelection(nodes: readonly StepNode[], edges: readonly StepEdge[]): Clipboard | null {
  const selected = nodes.filter((node) => node.selected === true);
  if (selected.length === 0) return null;
  const ids = new Set(selected.map((node) => node.id));
  return {
    nodes: selected.map(fromStepNode),
    edges: edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)).map(fromStepEdge),
  };
}

export interface PasteResult {
  readonly nodes: StepNode[];
  readonly edges: StepEdge[];
}

/**
 * The clipboard's steps with new ids that clash with nothing on the canvas (nor with each
 * other), shifted by `offset`, selected so the pasted group can be dragged away at once.
 */
export function pasteClipboard(
  clipboard: Clipboard,
  takenNodeIds: ReadonlySet<string>,
  takenEdgeIds: ReadonlySet<string>,
  offset: { x: number; y: number },
): PasteResult {
  const usedNodeIds = new Set(takenNodeIds);
  const newIds = new Map<string, string>();
  const nodes = clipboard.nodes.map((node) => {
    const id = freshId(node.id, usedNodeIds);
    usedNodeIds.add(id);
    newIds.set(node.id, id);
    const copy = toStepNode({
      ...node,
      id,
      config: structuredClone(node.config),
      position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    });
    return { ...copy, selected: true };
  });
  const usedEdgeIds = new Set(takenEdgeIds);
  const edges = clipboard.edges.flatMap((edge) => {
    const source = newIds.get(edge.source);
    const target = newIds.get(edge.target);
    if (source === undefined || target === undefined) return [];
    const id = freshId(`${source}-${edge.sourcePort}-${target}`, usedEdgeIds);
    usedEdgeIds.add(id);
    return [{ ...toStepEdge({ ...edge, id, source, target }), selected: true }];
  });
  return { nodes, edges };
}
