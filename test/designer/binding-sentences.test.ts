import { describe, expect, it } from 'vitest';
import { bindSentence, unbindSentence, type BindingFacts, type Names } from '../../designer/src/flow-designer/bindings/binding-sentences';

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
