import { describe, expect, it } from 'vitest';
import { defaultFlows, type FlowDraft } from '../../workflows/flow';
import { canvasToDraft, draftToCanvas, toConnectionLike, toGraphLike } from '../../designer/src/flow-designer/graph/draft-convert';
import { unknownKindType } from '../../designer/src/flow-designer/graph/types';

describe('converting a saved flow to the canvas and back', () => {
  it.each(defaultFlows.map((flow) => [flow.name, flow] as const))('gives back the very same document for "%s"', (_name, flow) => {
    const { nodes, edges } = draftToCanvas(flow);
    expect(canvasToDraft(flow.name, nodes, edges)).toEqual(flow);
  });

  it('uses the node kind as the canvas node type and port ids as handle ids', () => {
    const flow = defaultFlows[0] as FlowDraft;
    const { nodes, edges } = draftToCanvas(flow);
    expect(nodes[0]).toMatchObject({ id: 'missed', type: 'trigger', data: { kind: 'trigger', config: { event: 'milestone_missed' } } });
    expect(edges[0]).toMatchObject({ source: 'missed', sourceHandle: 'next', target: 'escalate', targetHandle: 'in', type: 'flow' });
  });

  it('keeps a node of a kind the catalog does not know, so saving does not lose it', () => {
    const draft: FlowDraft = {
      schemaVersion: 1,
      name: 'Old export',
      nodes: [{ id: 'x', kind: 'send_fax', config: { number: '123' }, position: { x: 1, y: 2 } }],
      edges: [],
    };
    const { nodes, edges } = draftToCanvas(draft);
    expect(nodes[0]?.type).toBe(unknownKindType);
    expect(canvasToDraft(draft.name, nodes, edges)).toEqual(draft);
  });

  it('rounds dragged positions to whole pixels and drops an emptied label', () => {
    const draft = canvasToDraft('F', [{ id: 'a', type: 'end', position: { x: 10.4, y: -3.6 }, data: { kind: 'end', label: '', config: { result: 'done' } } }], []);
    expect(draft.nodes[0]).toEqual({ id: 'a', kind: 'end', config: { result: 'done' }, position: { x: 10, y: -4 } });
  });

  it('hands the connection checker nodes and edges in the flow language’s terms', () => {
    const { nodes, edges } = draftToCanvas(defaultFlows[0] as FlowDraft);
    const graph = toGraphLike(nodes, edges);
    expect(graph.nodes[0]).toEqual({ id: 'missed', kind: 'trigger', config: { event: 'milestone_missed' } });
    expect(graph.edges[0]).toEqual({ id: 'missed-next-escalate', source: 'missed', sourcePort: 'next', target: 'escalate', targetPort: 'in' });
    expect(toConnectionLike({ source: 'a', sourceHandle: 'next', target: 'b', targetHandle: 'in' })).toEqual({ source: 'a', sourcePort: 'next', target: 'b', targetPort: 'in' });
  });
});
