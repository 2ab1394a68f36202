import type { Connection } from '@xyflow/react';
import { isNodeKind, type ConnectionLike, type FlowDraft, type FlowDraftNode, type FlowEdge, type GraphLike } from '../../../../workflows/flow';
import { flowEdgeType, unknownKindType, type StepEdge, type StepNode } from './types';

/** One saved node as a canvas node; its type selects the custom node component. */
export function toStepNode(node: FlowDraftNode): StepNode {
  const data = node.label === undefined ? { kind: node.kind, config: node.config } : { kind: node.kind, label: node.label, config: node.config };
  const position = { x: node.position.x, y: node.position.y };
  const kind = node.kind;
  if (isNodeKind(kind)) return { id: node.id, type: kind, position, data: { ...data, kind } } as StepNode;
  return { id: node.id, type: unknownKindType, position, data };
}

export function toStepEdge(edge: FlowEdge): StepEdge {
  return {
    id: edge.id,
    type: flowEdgeType,
    source: edge.source,
    sourceHandle: edge.sourcePort,
    target: edge.target,
    targetHandle: edge.targetPort,
  };
}

export function draftToCanvas(draft: FlowDraft): { nodes: StepNode[]; edges: StepEdge[] } {
  return { nodes: draft.nodes.map(toStepNode), edges: draft.edges.map(toStepEdge) };
}

export function fromStepNode(node: StepNode): FlowDraftNode {
  return {
    id: node.id,
    kind: node.data.kind,
    ...(node.data.label === undefined || node.data.label === '' ? {} : { label: node.data.label }),
    config: node.data.config,
    // Sub-pixel positions from dragging say nothing and make exported files noisy.
    position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
  };
}

export function fromStepEdge(edge: StepEdge): FlowEdge {
  return {
    id: edge.id,
    source: edge.source,
    sourcePort: edge.sourceHandle ?? '',
    target: edge.target,
    targetPort: edge.targetHandle ?? '',
  };
}

/** The saved document of what the canvas shows. */
export function canvasToDraft(name: string, nodes: readonly StepNode[], edges: readonly StepEdge[]): FlowDraft {
  return { schemaVersion: 1, name, nodes: nodes.map(fromStepNode), edges: edges.map(fromStepEdge) };
}

/** The canvas seen as the catalog's connection checker sees a flow. */
export function toGraphLike(nodes: readonly StepNode[], edges: readonly StepEdge[]): GraphLike {
  return {
    nodes: nodes.map((node) => ({ id: node.id, kind: node.data.kind, config: node.data.config })),
    edges: edges.map(fromStepEdge),
  };
}

/** A connection being drawn (or an edge being moved) in the catalog's terms. */
export function toConnectionLike(connection: Connection | StepEdge): ConnectionLike {
  const base = {
    source: connection.source,
    sourcePort: connection.sourceHandle ?? '',
    target: connection.target,
    targetPort: connection.targetHandle ?? '',
  };
  return 'id' in connection && typeof connection.id === 'string' ? { id: connection.id, ...base } : base;
}
