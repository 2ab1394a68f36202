import { describe, expect, it } from 'vitest';
import { milestoneMissEscalationFlow } from '../../workflows/flow';
import { copySelection, pasteClipboard } from '../../designer/src/flow-designer/graph/clipboard';
import { draftToCanvas } from '../../designer/src/flow-designer/graph/draft-convert';

function canvasWithSelected(ids: string[]) {
  const { nodes, edges } = draftToCanvas(milestoneMissEscalationFlow);
  return { nodes: nodes.map((node) => ({ ...node, selected: ids.includes(node.id) })), edges };
}

describe('copying and pasting steps', () => {
  it('copies nothing when no step is selected', () => {
    const { nodes, edges } = canvasWithSelected([]);
    expect(copySelection(nodes, edges)).toBeNull();
  });

  it('copies the selected steps with only the connections between them', () => {
    const { nodes, edges } = canvasWithSelected(['escalate', 'ack', 'acknowledged']);
    const clipboard = copySelection(nodes, edges);
    expect(clipboard?.nodes.map((node) => node.id)).toEqual(['escalate', 'ack', 'acknowledged']);
    expect(clipboard?.edges.map((edge) => edge.id).sort()).toEqual(['ack-acknowledged-acknowledged', 'escalate-next-ack']);
  });

  it('pastes with fresh ids that clash with nothing, rewired to the copies, shifted and selected', () => {
    const { nodes, edges } = canvasWithSelected(['escalate', 'ack']);
    const clipboard = copySelection(nodes, edges);
    if (clipboard === null) throw new Error('expected a clipboard');
    const pasted = pasteClipboard(clipboard, new Set(nodes.map((n) => n.id)), new Set(edges.map((e) => e.id)), { x: 40, y: 40 });
    expect(pasted.nodes.map((node) => node.id)).toEqual(['escalate_2', 'ack_2']);
    expect(pasted.nodes.every((node) => node.selected === true)).toBe(true);
    expect(pasted.nodes[0]?.position).toEqual({ x: 280 + 40, y: 40 });
    expect(pasted.edges).toHaveLength(1);
    expect(pasted.edges[0]).toMatchObject({ source: 'escalate_2', sourceHandle: 'next', target: 'ack_2', targetHandle: 'in' });
    expect(edges.some((edge) => edge.id === pasted.edges[0]?.id)).toBe(false);
  });

  it('gives each paste of the same clipboard its own ids and its own copy of the settings', () => {
    const { nodes, edges } = canvasWithSelected(['ack']);
    const clipboard = copySelection(nodes, edges);
    if (clipboard === null) throw new Error('expected a clipboard');
    const taken = new Set(nodes.map((n) => n.id));
    const first = pasteClipboard(clipboard, taken, new Set(), { x: 0, y: 0 });
    for (const node of first.nodes) taken.add(node.id);
    const second = pasteClipboard(clipboard, taken, new Set(), { x: 0, y: 0 });
    expect([first.nodes[0]?.id, second.nodes[0]?.id]).toEqual(['ack_2', 'ack_3']);
    expect(second.nodes[0]?.data.config).toEqual(first.nodes[0]?.data.config);
    expect(second.nodes[0]?.data.config).not.toBe(first.nodes[0]?.data.config);
  });
});
