import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../workflows/flow';
import { edge, end, flow, node, trigger, withCode } from './flow-builder';

describe('validation: no required output left unconnected', () => {
  it('accepts a flow whose required outputs are all connected, even with optional ones open', () => {
    const doc = flow(
      [trigger(), node('up', 'escalate'), node('ack', 'wait_for_ack'), end('done'), end('late')],
      [edge('start', 'next', 'up'), edge('up', 'next', 'ack'), edge('ack', 'acknowledged', 'done'), edge('ack', 'timed_out', 'late')],
    );
    expect(validateFlow(doc)).toEqual([]);
  });

  it('refuses a condition whose "No" path leads nowhere, naming the output and the step', () => {
    const doc = flow([trigger(), node('cond', 'condition', undefined, 'Over budget?'), end()], [edge('start', 'next', 'cond'), edge('cond', 'true', 'end')]);
    expect(withCode(validateFlow(doc), 'dangling_output')).toMatchObject([
      {
        nodeId: 'cond',
        code: 'dangling_output',
        message:
          'The "No" output of step "Over budget?" (cond) is not connected. Say what happens on that path (connect it to an "End" step if nothing more should).',
      },
    ]);
  });

  it('refuses a parallel split with a branch left open', () => {
    const doc = flow(
      [trigger(), node('split', 'parallel_split', { branches: 3 }), node('join', 'parallel_join'), end()],
      [edge('start', 'next', 'split'), edge('split', 'branch_1', 'join'), edge('split', 'branch_2', 'join'), edge('join', 'next', 'end')],
    );
    const found = withCode(validateFlow(doc), 'dangling_output');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/"Branch 3" output/);
  });
});
