import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StepEdge } from '../graph/types';
import { useEdgeOverlay } from '../runs/overlay-store';
import { useEditorStore } from './store';

/**
 * A connection, red when validation found something wrong with it (a port that no longer exists);
 * with a run shown, lit when the run took it, and as thick as the number of runs in the heat view.
 */
function FlowEdgeView(props: EdgeProps<StepEdge>) {
  const problem = useEditorStore((s) => s.edgeProblems[props.id]?.[0]);
  const run = useEdgeOverlay(props.id);
  const [path, labelX, labelY] = getBezierPath(props);
  const taken = run.entry?.taken === true;
  return (
    <>
      {taken && <path d={path} className={`edge__run${run.entry?.latest === true ? ' edge__run--latest' : ''}`} style={run.entry?.width === undefined ? undefined : { strokeWidth: run.entry.width }} />}
      <BaseEdge
      id={props.id}
      path={path}
      markerEnd={props.markerEnd}
      interactionWidth={16}
      className={[
        problem ? 'edge--problem' : '',
        props.selected ? 'edge--selected' : '',
        taken ? 'edge--taken' : run.shown ? 'edge--dimmed' : '',
        run.entry?.latest === true ? 'edge--latest' : '',
      ].join(' ')}
      label={run.entry?.label}
      labelX={labelX}
      labelY={labelY}
      labelBgPadding={[4, 2]}
      labelBgBorderRadius={4}
      labelShowBg
      />
    </>
  );
}

export const FlowEdgeComponent = memo(FlowEdgeView);
