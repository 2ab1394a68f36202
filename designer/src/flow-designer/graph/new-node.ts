import { nodeDef, type FlowDraft, type NodeKind, type Position } from '../../../../workflows/flow';
import { toStepNode } from './draft-convert';
import { freshId } from './ids';
import type { StepNode } from './types';

/** A step as dropped from the palette: the kind's defaults (a copy, never shared), a fresh id, selected. */
export function createStepNode(kind: NodeKind, position: Position, takenIds: ReadonlySet<string>): StepNode {
  const node = toStepNode({
    id: freshId(kind, takenIds),
    kind,
    config: structuredClone(nodeDef(kind).defaults),
    position,
  });
  return { ...node, selected: true };
}

/** What a new flow starts from: only the trigger, everything else is drawn. */
export function triggerOnlyDraft(name: string): FlowDraft {
  return {
    schemaVersion: 1,
    name,
    nodes: [{ id: 'trigger', kind: 'trigger', config: structuredClone(nodeDef('trigger').defaults), position: { x: 0, y: 0 } }],
    edges: [],
  };
}
