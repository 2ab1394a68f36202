import { describe, expect, it } from 'vitest';
import { milestoneMissEscalationFlow, type Diagnostic } from '../../workflows/flow';
import { createEditorStore } from '../../designer/src/flow-designer/editor/store';
import { canvasToDraft } from '../../designer/src/flow-designer/graph/draft-convert';

function store() {
  return createEditorStore({ flowId: 'f1', draft: structuredClone(milestoneMissEscalationFlow) });
}

const ids = (s: ReturnType<typeof store>) => s.getState().nodes.map((node) => node.id);

describe('the editor’s state', () => {
  it('adds a step selected and alone in the selection, and undo takes it away again', () => {
    const s = store();
    s.getState().selectNode('ack');
    const id = s.getState().addNode('delay', { x: 0, y: 0 });
    expect(id).toBe('delay');
    expect(s.getState().nodes.filter((node) => node.selected).map((node) => node.id)).toEqual(['delay']);
    expect(s.getState().selectedNodeId).toBe('delay');
    s.getState().undo();
    expect(ids(s)).not.toContain('delay');
    s.getState().redo();
    expect(ids(s)).toContain('delay');
  });

  it('counts a burst of settings edits as one undo step and marks the draft unsaved until saved', () => {
    const s = store();
    const original = s.getState().nodes.find((node) => node.id === 'tell_owner')?.data.config;
    for (const subject of ['A', 'Ab', 'Abc']) s.getState().updateConfig('tell_owner', { ...(original as object), subject });
    expect(s.getState().docVersion).not.toBe(s.getState().savedVersion);
    s.getState().undo();
    expect(s.getState().nodes.find((node) => node.id === 'tell_owner')?.data.config).toEqual(original);
    s.getState().markSaved(s.getState().docVersion);
    expect(s.getState().docVersion).toBe(s.getState().savedVersion);
  });

  it('deletes the selected steps with their connections in one undo step', () => {
    const s = store();
    s.getState().selectNode('ack');
    s.getState().deleteSelection();
    expect(ids(s)).not.toContain('ack');
    expect(s.getState().edges.some((edge) => edge.source === 'ack' || edge.target === 'ack')).toBe(false);
    s.getState().undo();
    expect(canvasToDraft(s.getState().name, s.getState().nodes, s.getState().edges)).toEqual(milestoneMissEscalationFlow);
  });

  it('refuses a connection the catalog forbids and remembers why', () => {
    const s = store();
    const before = s.getState().edges.length;
    s.getState().onConnect({ source: 'escalate', sourceHandle: 'next', target: 'tell_owner', targetHandle: 'in' });
    expect(s.getState().edges).toHaveLength(before);
    expect(s.getState().refusal?.refusal).toBe('output_taken');
    s.getState().onConnect({ source: 'ack', sourceHandle: 'acknowledged', target: 'missed', targetHandle: 'in' });
    expect(s.getState().refusal?.refusal).toBe('into_trigger');
  });

  it('connects an open output and names the edge after its ends', () => {
    const s = store();
    s.getState().addNode('end', { x: 0, y: 0 });
    s.getState().selectNode('tell_owner');
    s.getState().deleteSelection();
    s.getState().onConnect({ source: 'more_levels', sourceHandle: 'false', target: 'end', targetHandle: 'in' });
    expect(s.getState().edges.map((edge) => edge.id)).toContain('more_levels-false-end');
  });

  it('pastes copies beside the originals, a little further each time', () => {
    const s = store();
    s.getState().selectNode('ack');
    s.getState().copy();
    s.getState().paste();
    s.getState().paste();
    const at = (id: string) => s.getState().nodes.find((node) => node.id === id)?.position;
    expect(ids(s).slice(-2)).toEqual(['ack_2', 'ack_3']);
    expect(at('ack_2')).toEqual({ x: (at('ack')?.x ?? 0) + 40, y: (at('ack')?.y ?? 0) + 40 });
    expect(at('ack_3')).toEqual({ x: (at('ack')?.x ?? 0) + 80, y: (at('ack')?.y ?? 0) + 80 });
  });

  it('shows the API’s findings until the flow changes, and groups all findings by step', () => {
    const s = store();
    const local: Diagnostic = { nodeId: 'ack', code: 'dangling_output', message: 'Local.' };
    const server: Diagnostic = { nodeId: 'escalate', code: 'needs_fallback', message: 'From the API.' };
    s.getState().setLocalDiagnostics([local]);
    s.getState().setServerDiagnostics([server, local]);
    expect(s.getState().diagnostics).toEqual([local, server]);
    expect(Object.keys(s.getState().nodeProblems).sort()).toEqual(['ack', 'escalate']);
    s.getState().updateLabel('ack', 'Renamed');
    expect(s.getState().diagnostics).toEqual([local]);
  });

  it('changes nothing in a published version being viewed', () => {
    const s = createEditorStore({ flowId: 'f1', draft: structuredClone(milestoneMissEscalationFlow), readOnly: true });
    s.getState().selectNode('ack');
    s.getState().deleteSelection();
    s.getState().updateLabel('ack', 'Nope');
    s.getState().onNodesChange([{ type: 'position', id: 'ack', position: { x: 1, y: 1 } }]);
    expect(canvasToDraft(s.getState().name, s.getState().nodes, s.getState().edges)).toEqual(milestoneMissEscalationFlow);
    expect(s.getState().history.past).toEqual([]);
  });

  it('lays out a loaded flow whose steps all sit on one spot', () => {
    const piled = structuredClone(milestoneMissEscalationFlow);
    for (const node of piled.nodes) node.position = { x: 0, y: 0 };
    expect(createEditorStore({ flowId: 'f', draft: piled }).getState().layoutPending).toBe(true);
    expect(store().getState().layoutPending).toBe(false);
  });
});

describe('what the editor learns from the API', () => {
  it('stops asking for a fallback for a role the API knows has people', () => {
    const draft = structuredClone(milestoneMissEscalationFlow);
    const tell = draft.nodes.find((node) => node.id === 'tell_owner');
    if (tell?.kind !== 'notify') throw new Error('expected the notify step');
    tell.config.recipient = { kind: 'role', role: 'sales_director' };
    const withoutHelp = createEditorStore({ flowId: 'f', draft });
    expect(withoutHelp.getState().knownPeople.roles.size).toBe(0);
    const told = createEditorStore({ flowId: 'f', draft, serverFindings: [] });
    expect([...told.getState().knownPeople.roles]).toEqual(['sales_director']);
  });
});
