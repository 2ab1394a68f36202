import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { nodeKinds } from '../../../../workflows/flow';
import { flowEdgeType, unknownKindType } from '../graph/types';
import { FlowEdgeComponent } from './FlowEdgeView';
import { StepNodeComponent } from './StepNodeView';

/**
 * Module-level, as React Flow asks: a new object on each render would remount every node. Every
 * kind shares one component, which reads the kind's ports and label from the catalog.
 */
export const nodeTypes: NodeTypes = Object.fromEntries([...nodeKinds, unknownKindType].map((kind) => [kind, StepNodeComponent]));

export const edgeTypes: EdgeTypes = { [flowEdgeType]: FlowEdgeComponent };
