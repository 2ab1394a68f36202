import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { midpointOf, roundedPath, routeEdge } from '../graph/edge-route';
import type { StepEdge } from '../graph/types';
import { useEdgeOverlay } from '../runs/overlay-store';
import { useEditorStore } from './store';
import { useStepBoxes } from './use-step-boxes';

/**
 * A connection, drawn with square turns around the steps it does not join; red when validation found something wrong with it (a port that no longer exists);
 * with a run shown, lit when the run took it, and as thick as the number of runs in the heat view.
 */
function FlowEdgeView(props: EdgeProps<StepEdge>) {
  const problem = useEditorStore((s) => s.edgeProblems[props.id]?.[0]);
  const run = useEdgeOverlay(props.id);
  const boxes = useStepBoxes();
  const dragging = useEditorStore((s) => s.dragging);
  const { source, target, sourceX, sourceY, targetX, targetY } = props;
  const [path, labelX, labelY] = useMemo(() => {
    const points = routeEdge({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, boxes, { source, target }, { search: !dragging });
    const middle = midpointOf(points);
    return [roundedPath(points), middle.x, middle.y] as const;
  }, [source, target, sourceX, sourceY, targetX, targetY, boxes, dragging]);
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
