import type { ElkNode } from 'elkjs/lib/elk-api';
import { inputPortsOf, outputPortsOf } from '../../../../workflows/flow';
import type { StepEdge, StepNode } from './types';

/** Used for nodes not measured yet (a layout right after loading); close to a step's usual size. */
export const fallbackNodeSize = { width: 240, height: 110 };

export const layoutOptions: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.nodeNode': '50',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.crossingMinimization.semiInteractive': 'true',
  'elk.separateConnectedComponents': 'true',
};

export function portKey(nodeId: string, side: 'in' | 'out', portId: string): string {
  return `${nodeId}::${side}::${portId}`;
}

/**
 * The ELK graph of the canvas. Ports are declared in the order the step shows them (inputs on the
 * left, outputs top to bottom on the right), so the layout does not cross a step's own edges.
 */
export function buildLayoutGraph(nodes: readonly StepNode[], edges: readonly StepEdge[]): ElkNode {
  const portIds = new Set<string>();
  const children: ElkNode[] = nodes.map((node) => {
    const config = { kind: node.data.kind, config: node.data.config };
    const inputs = inputPortsOf(config).map((port, index) => ({
      id: portKey(node.id, 'in', port.id),
      layoutOptions: { 'elk.port.side': 'WEST', 'elk.port.index': String(index) },
    }));
    const outputs = outputPortsOf(config).map((port, index, all) => ({
      id: portKey(node.id, 'out', port.id),
      // ELK numbers east-side ports clockwise, i.e. top to bottom when counted this way.
      layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(all.length - 1 - index) },
    }));
    for (const port of [...inputs, ...outputs]) portIds.add(port.id);
    return {
      id: node.id,
      width: node.measured?.width ?? fallbackNodeSize.width,
      height: node.measured?.height ?? fallbackNodeSize.height,
      ports: [...inputs, ...outputs],
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
    };
  });
  const nodeIds = new Set(nodes.map((node) => node.id));
  const layoutEdges = edges
    .filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target))
    .map((edge) => {
      const sourcePort = portKey(edge.source, 'out', edge.sourceHandle ?? '');
      const targetPort = portKey(edge.target, 'in', edge.targetHandle ?? '');
      // An edge to a port the step no longer has still ties the two steps together.
      return {
        id: edge.id,
        sources: [portIds.has(sourcePort) ? sourcePort : edge.source],
        targets: [portIds.has(targetPort) ? targetPort : edge.target],
      };
    });
  return { id: 'root', layoutOptions, children, edges: layoutEdges };
}

/** Where ELK put each step (top-left corners, as React Flow positions nodes). */
export function positionsFromLayout(layout: ElkNode): Map<string, { x: number; y: number }> {
  return new Map((layout.children ?? []).map((child) => [child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) }]));
}

/**
 * True when the steps have no usable positions (an imported or generated flow with every step at
 * the same spot), so the editor lays them out instead of showing one pile.
 */
export function needsLayout(nodes: readonly { position: { x: number; y: number } }[]): boolean {
  if (nodes.length < 2) return false;
  const first = nodes[0]?.position;
  return nodes.every((node) => node.position.x === first?.x && node.position.y === first.y);
}
