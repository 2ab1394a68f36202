import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { milestoneMissEscalationFlow, planApprovalFlow } from '../../workflows/flow';
import { draftToCanvas } from '../../designer/src/flow-designer/graph/draft-convert';
import { buildLayoutGraph, fallbackNodeSize, portKey, positionsFromLayout } from '../../designer/src/flow-designer/graph/layout-input';

describe('the auto-layout input', () => {
  it('has one ELK node per step, sized as measured or by the fallback', () => {
    const { nodes, edges } = draftToCanvas(milestoneMissEscalationFlow);
    const measured = nodes.map((node, index) => (index === 0 ? { ...node, measured: { width: 300, height: 90 } } : node));
    const graph = buildLayoutGraph(measured, edges);
    expect(graph.children?.map((child) => child.id)).toEqual(nodes.map((node) => node.id));
    expect(graph.children?.[0]).toMatchObject({ width: 300, height: 90 });
    expect(graph.children?.[1]).toMatchObject(fallbackNodeSize);
  });

  it('gives each step its ports in the order it shows them, inputs west and outputs east', () => {
    const { nodes, edges } = draftToCanvas(milestoneMissEscalationFlow);
    const ack = buildLayoutGraph(nodes, edges).children?.find((child) => child.id === 'ack');
    expect(ack?.ports?.map((port) => [port.id, port.layoutOptions?.['elk.port.side']])).toEqual([
      [portKey('ack', 'in', 'in'), 'WEST'],
      [portKey('ack', 'out', 'acknowledged'), 'EAST'],
      [portKey('ack', 'out', 'timed_out'), 'EAST'],
    ]);
  });

  it('connects edges port to port, and node to node when a port no longer exists', () => {
    const { nodes, edges } = draftToCanvas(milestoneMissEscalationFlow);
    const broken = [...edges, { id: 'stale', type: 'flow' as const, source: 'ack', sourceHandle: 'gone', target: 'unanswered', targetHandle: 'in' }];
    const graph = buildLayoutGraph(nodes, broken);
    expect(graph.edges?.[0]).toEqual({ id: 'missed-next-escalate', sources: [portKey('missed', 'out', 'next')], targets: [portKey('escalate', 'in', 'in')] });
    expect(graph.edges?.find((edge) => edge.id === 'stale')).toEqual({ id: 'stale', sources: ['ack'], targets: [portKey('unanswered', 'in', 'in')] });
  });

  it('lays a real flow out left to right with ELK without overlapping steps', async () => {
    const { nodes, edges } = draftToCanvas(planApprovalFlow);
    const positions = positionsFromLayout(await new ELK().layout(buildLayoutGraph(nodes, edges)));
    expect([...positions.keys()].sort()).toEqual(nodes.map((node) => node.id).sort());
    const trigger = positions.get(nodes.find((node) => node.data.kind === 'trigger')?.id ?? '');
    for (const [id, position] of positions) {
      if (position !== trigger) expect(position.x, id).toBeGreaterThan(trigger?.x ?? 0);
    }
    const boxes = [...positions.values()];
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = Math.abs(a.x - b.x) >= fallbackNodeSize.width || Math.abs(a.y - b.y) >= fallbackNodeSize.height;
        expect(apart).toBe(true);
      }
    }
  });
});
