import { describe, expect, it } from 'vitest';
import { bindSentence, gapSentence, unbindSentence, versionSentence, type BindingFacts, type Names } from '../../designer/src/flow-designer/bindings/binding-sentences';

const names: Names = { flow: (id) => ({ mine: 'Escalate', other: 'Old escalation', global: 'Company escalation' })[id] ?? id, project: (id) => ({ p1: 'Project X' })[id] ?? id };
const global: BindingFacts = { triggerEvent: 'milestone_missed', projectId: null, flowId: 'global' };
const own: BindingFacts = { triggerEvent: 'milestone_missed', projectId: 'p1', flowId: 'other' };

describe('the sentences that confirm a binding change', () => {
  it("names the project, the event and the flow it replaces, the project's own first", () => {
    expect(bindSentence('mine', 'milestone_missed', 'p1', [global, own], names)).toBe('From now on, this flow runs for Project X when a milestone is missed, instead of “Old escalation”.');
  });

  it('says when the replaced flow is the one for all projects, and when nothing ran before', () => {
    expect(bindSentence('mine', 'milestone_missed', 'p1', [global], names)).toBe(
      'From now on, this flow runs for Project X when a milestone is missed, instead of “Company escalation” (the flow for all projects).',
    );
    expect(bindSentence('mine', 'milestone_missed', 'p1', [], names)).toBe('From now on, this flow runs for Project X when a milestone is missed, where nothing runs today.');
    expect(bindSentence('mine', 'milestone_missed', null, [own], names)).toBe(
      'From now on, this flow runs for every project without a binding of its own when a milestone is missed, where nothing runs today.',
    );
  });

  it('says what runs once a binding is removed: the flow for all projects, or nothing', () => {
    expect(unbindSentence(own, [global, own], names)).toBe('From now on, this flow stops running for Project X when a milestone is missed; “Company escalation” (the flow for all projects) runs instead.');
    expect(unbindSentence(own, [own], names)).toBe('From now on, this flow stops running for Project X when a milestone is missed; nothing runs for it then.');
    expect(unbindSentence(global, [global, own], names)).toBe('From now on, this flow stops running for every project without a binding of its own when a milestone is missed; nothing runs for them then.');
  });
});

describe('the sentences that explain a gap and a pinned version', () => {
  const at = (iso: string) => iso.slice(0, 10);
  it('says which binding was removed, when and by whom, when nothing runs on an event', () => {
    expect(gapSentence('milestone_missed', { at: '2026-12-04T10:00:00Z', by: 'Olga Ops', scope: 'global' }, at)).toBe(
      'No flow runs when a milestone is missed: the binding for all projects was removed on 2026-12-04 by Olga Ops.',
    );
    expect(gapSentence('milestone_missed', { at: '2026-12-04T10:00:00Z', by: null, scope: 'project' }, at)).toBe(
      "No flow runs when a milestone is missed: this project's own binding was removed on 2026-12-04, and there is no binding for all projects.",
    );
    expect(gapSentence('plan_submitted', null, at)).toBe('No flow runs when a plan is submitted: no binding for this project and no global one.');
  });

  it('says whether new runs follow new versions or stay on a pinned one', () => {
    expect(versionSentence(null)).toBe('New runs use the newest published version, also after the next publish.');
    expect(versionSentence(2)).toBe('New runs use version 2 until the binding is changed, whatever is published later.');
  });
});
