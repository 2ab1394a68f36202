import type { Edge, Node } from '@xyflow/react';
import type { NodeKind } from '../../../../workflows/flow';

/**
 * What a step carries on the canvas: exactly the saved node minus id and position, so converting
 * back to the draft loses nothing and the data stays serialisable (undo snapshots, clipboard).
 * `kind` is kept even though it equals the node type for catalog kinds, because an imported draft
 * may name a kind the catalog does not know, and that node must survive a save unchanged.
 */
export type StepData<K extends string = string> = {
  kind: K;
  label?: string;
  config: unknown;
};

/** Canvas node type for kinds the catalog does not know (an old or foreign import). */
export const unknownKindType = 'unknown_kind';

export type KnownStepNode = { [K in NodeKind]: Node<StepData<K>, K> }[NodeKind];
export type UnknownStepNode = Node<StepData, typeof unknownKindType>;
export type StepNode = KnownStepNode | UnknownStepNode;

export const flowEdgeType = 'flow';
export type StepEdge = Edge<Record<string, never>, typeof flowEdgeType>;

/** The parts of a canvas that make up the saved flow: an undo snapshot, a clipboard's source. */
export interface CanvasGraph {
  readonly nodes: readonly StepNode[];
  readonly edges: readonly StepEdge[];
}
