import type { FlowDiff, FlowDraft } from '../../../../workflows/flow';
import { toStepEdge, toStepNode } from './draft-convert';
import type { StepEdge, StepNode } from './types';

/** How a step or connection of the newer version differs from the older one. */
export type DiffMark = 'added' | 'removed' | 'changed';

/** The class the canvas draws a mark with (on React Flow's own node and edge wrappers). */
export const diffClass = (mark: DiffMark): string => `diff-${mark}`;

function marked<T extends { id: string }>(item: T, marks: ReadonlyMap<string, DiffMark>): T {
  const mark = marks.get(item.id);
  return mark === undefined ? item : { ...item, className: diffClass(mark) };
}

/**
 * The canvas of a comparison: the newer version's steps and connections, the added and changed
 * ones marked, and the older version's removed ones put back where they stood, marked removed
 * (drawn as ghosts), so both what is new and what went are seen in place.
 */
export function compareCanvas(before: FlowDraft, after: FlowDraft, diff: FlowDiff): { nodes: StepNode[]; edges: StepEdge[] } {
  const nodeMarks = new Map<string, DiffMark>([
    ...diff.steps.added.map((id) => [id, 'added'] as const),
    ...diff.steps.changed.map((change) => [change.id, 'changed'] as const),
    ...diff.steps.removed.map((id) => [id, 'removed'] as const),
  ]);
  const edgeMarks = new Map<string, DiffMark>([
    ...diff.edges.added.map((id) => [id, 'added'] as const),
    ...diff.edges.changed.map((id) => [id, 'changed'] as const),
    ...diff.edges.removed.map((id) => [id, 'removed'] as const),
  ]);
  const removedNodes = new Set(diff.steps.removed);
  const removedEdges = new Set(diff.edges.removed);
  return {
    nodes: [...after.nodes.map(toStepNode), ...before.nodes.filter((node) => removedNodes.has(node.id)).map(toStepNode)].map((node) => marked(node, nodeMarks)),
    edges: [...after.edges.map(toStepEdge), ...before.edges.filter((edge) => removedEdges.has(edge.id)).map(toStepEdge)].map((edge) => marked(edge, edgeMarks)),
  };
}
