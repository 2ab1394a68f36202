import { describe, expect, it } from 'vitest';
import { flowDocumentSchema, flowDraftSchema } from '../../../workflows/flow';
import { edge, flow, minimalFlow, node } from './flow-builder';

describe('saved flow document', () => {
  it('parses a complete flow into typed nodes and edges', () => {
    const parsed = flowDocumentSchema.parse(minimalFlow());
    const tell = parsed.nodes.find((candidate) => candidate.kind === 'notify');
    expect(tell?.kind === 'notify' && tell.config.channel).toBe('inbox');
  });

  it('refuses unknown fields at every level', () => {
    expect(flowDocumentSchema.safeParse({ ...minimalFlow(), owner: 'x' }).success).toBe(false);
    const extraOnNode = minimalFlow();
    extraOnNode.nodes[0] = { ...node('start', 'trigger'), ...{ color: 'red' } };
    expect(flowDocumentSchema.safeParse(extraOnNode).success).toBe(false);
    const extraOnEdge = minimalFlow();
    extraOnEdge.edges.push({ ...edge('tell', 'next', 'end'), ...{ animated: true } });
    expect(flowDocumentSchema.safeParse(extraOnEdge).success).toBe(false);
  });

  it('refuses other schema versions and empty names', () => {
    expect(flowDocumentSchema.safeParse({ ...minimalFlow(), schemaVersion: 2 }).success).toBe(false);
    expect(flowDocumentSchema.safeParse({ ...minimalFlow(), name: '' }).success).toBe(false);
  });

  it('lets a draft hold unknown kinds and broken configs that a published flow may not', () => {
    const draft = flow([node('x', 'teleport', { to: 'mars' }), node('d', 'delay', { duration: {} })], []);
    expect(flowDraftSchema.safeParse(draft).success).toBe(true);
    expect(flowDocumentSchema.safeParse(draft).success).toBe(false);
  });
});
