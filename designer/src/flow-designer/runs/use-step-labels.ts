import { useCallback } from 'react';
import { isNodeKind, nodeDef, outputPortsOf } from '../../../../workflows/flow';
import { useEditorApi } from '../editor/store';

/**
 * A step's name as the canvas shows it, read when asked: the run panels name a handful of steps
 * and must not re-render with every change to the whole graph.
 */
export function useStepLabels(): (nodeId: string) => string {
  const store = useEditorApi();
  return useCallback(
    (nodeId: string) => {
      const node = store.getState().nodes.find((n) => n.id === nodeId);
      if (node === undefined) return nodeId;
      return node.data.label ?? (isNodeKind(node.data.kind) ? nodeDef(node.data.kind).label : node.data.kind);
    },
    [store],
  );
}

/** An output's name as the step shows it ("Approved" for `approved`), read when asked. */
export function usePortLabels(): (nodeId: string, portId: string) => string {
  const store = useEditorApi();
  return useCallback(
    (nodeId: string, portId: string) => {
      const node = store.getState().nodes.find((n) => n.id === nodeId);
      if (node === undefined || !isNodeKind(node.data.kind)) return portId;
      return outputPortsOf({ kind: node.data.kind, config: node.data.config }).find((port) => port.id === portId)?.label ?? portId;
    },
    [store],
  );
}
