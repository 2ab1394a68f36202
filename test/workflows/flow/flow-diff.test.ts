import { describe, expect, it } from 'vitest';
import { diffFlows, isUnchanged, milestoneMissEscalationFlow, sameJson, type FlowDraft } from '../../../workflows/flow';

const base: FlowDraft = structuredClone(milestoneMissEscalationFlow);

/** The escalation flow with a change made to a copy of it. */
function changed(edit: (draft: FlowDraft) => void): FlowDraft {
  const draft = structuredClone(base);
  edit(draft);
  return draft;
}

function nodeOf(draft: FlowDraft, id: string) {
  const node = draft.nodes.find((n) => n.id === id);
  if (node === undefined) throw new Error(`No step ${id}.`);
  return node;
}

describe('comparing two versions of a flow', () => {
  it('finds nothing between a flow and a copy of it whose steps were only moved', () => {
    const moved = changed((draft) => {
      for (const node of draft.nodes) node.position = { x: node.position.x + 40, y: node.position.y - 10 };
    });
    expect(isUnchanged(diffFlows(base, moved))).toBe(true);
  });

  it('names one added step, its new connections, and the one changed setting of another step', () => {
    const after = changed((draft) => {
      draft.nodes.push({ id: 'note', kind: 'notify', config: { recipient: { kind: 'project_owner' }, channel: 'inbox', subject: 'S', message: 'M' }, position: { x: 0, y: 400 } });
      draft.edges = draft.edges.filter((e) => e.id !== 'tell_owner-next-unanswered');
      draft.edges.push({ id: 'tell_owner-next-note', source: 'tell_owner', sourcePort: 'next', target: 'note', targetPort: 'in' });
      draft.edges.push({ id: 'note-next-unanswered', source: 'note', sourcePort: 'next', target: 'unanswered', targetPort: 'in' });
      const ack = nodeOf(draft, 'ack');
      ack.config = { ...(ack.config as object), timeout: { amount: 24, unit: 'hours' } };
    });
    expect(diffFlows(base, after)).toEqual({
      steps: { added: ['note'], removed: [], changed: [{ id: 'ack', kind: 'wait_for_ack', kindBefore: null, labelChanged: false, fields: ['timeout'] }] },
      edges: { added: ['tell_owner-next-note', 'note-next-unanswered'], removed: ['tell_owner-next-unanswered'], changed: [] },
    });
  });

  it('names removed steps in the order the older version had them', () => {
    const after = changed((draft) => {
      draft.nodes = draft.nodes.filter((n) => n.id !== 'acknowledged' && n.id !== 'unanswered');
    });
    expect(diffFlows(base, after).steps.removed).toEqual(['acknowledged', 'unanswered']);
  });

  it('tells a renamed step, a step replaced by another kind, and a connection moved to another port apart', () => {
    const after = changed((draft) => {
      nodeOf(draft, 'escalate').label = 'Two levels up';
      const tell = nodeOf(draft, 'tell_owner');
      tell.kind = 'end';
      tell.config = { result: 'done' };
      const edge = draft.edges.find((e) => e.id === 'more_levels-false-tell_owner');
      if (edge) edge.sourcePort = 'true';
    });
    const diff = diffFlows(base, after);
    expect(diff.steps.changed).toEqual([
      { id: 'escalate', kind: 'escalate', kindBefore: null, labelChanged: true, fields: [] },
      { id: 'tell_owner', kind: 'end', kindBefore: 'notify', labelChanged: false, fields: [] },
    ]);
    expect(diff.edges.changed).toEqual(['more_levels-false-tell_owner']);
  });

  it('lists a setting that was added or taken away as changed', () => {
    const after = changed((draft) => {
      const ack = nodeOf(draft, 'ack');
      const { subject: _gone, ...rest } = ack.config as Record<string, unknown>;
      ack.config = { ...rest, extra: 1 };
    });
    expect(diffFlows(base, after).steps.changed[0]?.fields).toEqual(['extra', 'subject']);
  });

  it('compares settings as JSON: key order does not matter, list order does', () => {
    expect(sameJson({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameJson(null, {})).toBe(false);
  });
});
