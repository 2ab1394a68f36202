import { describe, expect, it } from 'vitest';
import { variablesAvailableAt } from '../../../workflows/flow';
import { edge, end, flow, node, notifyConfig, trigger } from './flow-builder';

describe('variables offered at each step', () => {
  it('offers the trigger event variables at the first step and adds what steps provide further on', () => {
    const doc = flow(
      [trigger('start', 'milestone_missed'), node('up', 'escalate'), node('tell', 'notify', notifyConfig('x')), end()],
      [edge('start', 'next', 'up'), edge('up', 'next', 'tell'), edge('up', 'top_reached', 'end'), edge('tell', 'next', 'end')],
    );
    const known = variablesAvailableAt(doc);
    const names = (id: string) => (known.get(id) ?? []).map((variable) => variable.name);
    expect(names('up')).toContain('milestone.daysOverdue');
    expect(names('up')).not.toContain('escalation.level');
    expect(names('tell')).toContain('escalation.level');
    expect(known.get('tell')?.find((variable) => variable.name === 'escalation.level')).toEqual({
      name: 'escalation.level',
      label: 'Escalation level (1 = owner’s manager)',
      type: 'number',
    });
  });

  it('offers nothing until the flow has a single valid trigger', () => {
    expect(variablesAvailableAt(flow([end()], [])).size).toBe(0);
    expect(variablesAvailableAt(flow([trigger('a'), trigger('b')], [])).size).toBe(0);
  });
});
