import { describe, expect, it } from 'vitest';
import { validateFlow, type FlowDraft } from '../../workflows/flow';
import { learnKnownPeople, validateOptionsFor } from '../../designer/src/flow-designer/graph/known-people';

const teamId = '0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d';

function flowAskingA(recipient: unknown): FlowDraft {
  return {
    schemaVersion: 1,
    name: 'Ask a role',
    nodes: [
      { id: 'start', kind: 'trigger', config: { event: 'milestone_missed' }, position: { x: 0, y: 0 } },
      { id: 'tell', kind: 'notify', config: { recipient, channel: 'inbox', subject: 'S', message: 'M' }, position: { x: 0, y: 0 } },
      { id: 'end', kind: 'end', config: { result: 'done' }, position: { x: 0, y: 0 } },
    ],
    edges: [
      { id: 'a', source: 'start', sourcePort: 'next', target: 'tell', targetPort: 'in' },
      { id: 'b', source: 'tell', sourcePort: 'next', target: 'end', targetPort: 'in' },
    ],
  };
}

describe('what the browser learns from the API about roles and teams', () => {
  it('trusts a role the API did not ask a fallback for, so the browser stops asking too', () => {
    const draft = flowAskingA({ kind: 'role', role: 'sales_director' });
    const local = validateFlow(draft);
    expect(local.map((d) => d.code)).toEqual(['needs_fallback']);
    const known = learnKnownPeople(draft, local, []);
    expect([...known.roles]).toEqual(['sales_director']);
    expect(validateFlow(draft, validateOptionsFor(known))).toEqual([]);
  });

  it('learns nothing when the API agrees that a fallback is needed', () => {
    const draft = flowAskingA({ kind: 'team', teamId });
    const local = validateFlow(draft);
    expect(learnKnownPeople(draft, local, local).teams.size).toBe(0);
    expect([...learnKnownPeople(draft, local, []).teams]).toEqual([teamId]);
  });
});
