import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../workflows/flow';
import { edge, end, flow, node, notifyConfig, trigger, withCode } from './flow-builder';

describe('validation: every step reachable from the trigger', () => {
  it('accepts a flow where every step can be reached, through loops and merges too', () => {
    const doc = flow(
      [trigger(), node('cond', 'condition'), node('a', 'notify', notifyConfig('A')), node('b', 'notify', notifyConfig('B')), end()],
      [edge('start', 'next', 'cond'), edge('cond', 'true', 'a'), edge('cond', 'false', 'b'), edge('a', 'next', 'end'), edge('b', 'next', 'end')],
    );
    expect(withCode(validateFlow(doc), 'unreachable_node')).toEqual([]);
  });

  it('refuses steps nothing leads to, and steps only they lead to', () => {
    const doc = flow(
      [trigger(), end(), node('island', 'notify', notifyConfig('Hi'), 'Forgotten'), end('island_end')],
      [edge('start', 'next', 'end'), edge('island', 'next', 'island_end')],
    );
    const found = withCode(validateFlow(doc), 'unreachable_node');
    expect(found.map((d) => d.nodeId)).toEqual(['island', 'island_end']);
    expect(found[0]?.message).toBe(
      'The step "Forgotten" (island) cannot be reached from the trigger, so it would never run. Connect it or remove it.',
    );
  });
});
