import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../workflows/flow';
import { edge, end, flow, node, notifyConfig, trigger, withCode } from './flow-builder';

const tell = (id: string) => node(id, 'notify', notifyConfig(`Step ${id}`));

describe('validation: a join joins the branches of a split', () => {
  it('accepts a join fed by the branches of a split', () => {
    const doc = flow(
      [trigger(), node('split', 'parallel_split', { branches: 2 }), tell('a'), tell('b'), node('join', 'parallel_join', {}), end()],
      [edge('start', 'next', 'split'), edge('split', 'branch_1', 'a'), edge('split', 'branch_2', 'b'), edge('a', 'next', 'join'), edge('b', 'next', 'join'), edge('join', 'next', 'end')],
    );
    expect(validateFlow(doc)).toEqual([]);
  });

  it('refuses a join that a path reaches without any split, naming the join', () => {
    const doc = flow(
      [trigger(), tell('a'), node('join', 'parallel_join', {}), end()],
      [edge('start', 'next', 'a'), edge('a', 'next', 'join'), edge('join', 'next', 'end')],
    );
    const found = withCode(validateFlow(doc), 'join_without_split');
    expect(found.map((d) => d.nodeId)).toEqual(['join']);
    expect(found[0]!.message).toMatch(/without passing a "Parallel split"/);
  });

  it('refuses a join that one path reaches around the split', () => {
    const doc = flow(
      [trigger(), node('check', 'condition', { rule: { '==': [1, 1] } }), node('split', 'parallel_split', { branches: 2 }), tell('a'), tell('b'), node('join', 'parallel_join', {}), end()],
      [
        edge('start', 'next', 'check'),
        edge('check', 'true', 'split'),
        edge('check', 'false', 'join'),
        edge('split', 'branch_1', 'a'),
        edge('split', 'branch_2', 'b'),
        edge('a', 'next', 'join'),
        edge('b', 'next', 'join'),
        edge('join', 'next', 'end'),
      ],
    );
    expect(withCode(validateFlow(doc), 'join_without_split').map((d) => d.nodeId)).toEqual(['join']);
  });
});
