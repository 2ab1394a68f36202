import { describe, expect, it } from 'vitest';
import { diffFlows, milestoneMissEscalationFlow, type FlowDraft } from '../../workflows/flow';
import { compareCanvas } from '../../designer/src/flow-designer/graph/compare-canvas';

const before: FlowDraft = structuredClone(milestoneMissEscalationFlow);

describe('the canvas of a comparison', () => {
  it('shows the newer version with its added and changed steps marked, and the removed ones back where they were', () => {
    const after = structuredClone(before);
    after.nodes = after.nodes.filter((node) => node.id !== 'unanswered');
    after.edges = after.edges.filter((edge) => edge.target !== 'unanswered');
    after.nodes.push({ id: 'done', kind: 'end', config: { result: 'done' }, position: { x: 1500, y: 300 } });
    after.edges.push({ id: 'tell_owner-next-done', source: 'tell_owner', sourcePort: 'next', target: 'done', targetPort: 'in' });
    const ack = after.nodes.find((node) => node.id === 'ack');
    if (ack) ack.config = { ...(ack.config as object), channel: 'email' };

    const canvas = compareCanvas(before, after, diffFlows(before, after));
    const marks = (items: readonly { id: string; className?: string }[]) => Object.fromEntries(items.filter((i) => i.className !== undefined).map((i) => [i.id, i.className]));
    expect(marks(canvas.nodes)).toEqual({ ack: 'diff-changed', done: 'diff-added', unanswered: 'diff-removed' });
    expect(marks(canvas.edges)).toEqual({ 'tell_owner-next-done': 'diff-added', 'tell_owner-next-unanswered': 'diff-removed' });
    expect(canvas.nodes.find((node) => node.id === 'unanswered')?.position).toEqual(before.nodes.find((node) => node.id === 'unanswered')?.position);
    expect(canvas.nodes).toHaveLength(after.nodes.length + 1);
  });

  it('marks nothing when the versions are the same', () => {
    const canvas = compareCanvas(before, before, diffFlows(before, before));
    expect([...canvas.nodes, ...canvas.edges].filter((item) => item.className !== undefined)).toEqual([]);
  });
});
