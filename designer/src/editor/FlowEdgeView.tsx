import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StepEdge } from '../graph/types';
import { useEditorStore } from './store';

/** A connection, red when validation found something wrong with it (a port that no longer exists). */
function FlowEdgeView(props: EdgeProps<StepEdge>) {
  const problem = useEditorStore((s) => s.edgeProblems[props.id]?.[0]);
  const [path] = getBezierPath(props);
  return (
    <BaseEdge
      id={props.id}
      path={path}
      markerEnd={props.markerEnd}
      interactionWidth={16}
      className={[problem ? 'edge--problem' : '', props.selected ? 'edge--selected' : ''].join(' ')}
    />
  );
}

export const FlowEdgeComponent = memo(FlowEdgeView);
