import { describe, expect, it } from 'vitest';
import { arriveAtJoin, createGroups, endBranch, rootToken } from '../../../workflows/interpreter/parallel-groups';

describe('a parallel join', () => {
  it('goes on once, after the last of its branches arrives', () => {
    const [a, b, c] = createGroups().fork(rootToken, 3);
    expect(arriveAtJoin(a!, 'join').kind).toBe('wait');
    expect(arriveAtJoin(b!, 'join').kind).toBe('wait');
    expect(arriveAtJoin(c!, 'join')).toMatchObject({ kind: 'continue', joinNodeId: 'join', token: rootToken });
  });

  it('stops waiting for a branch that ends early, and the last early ending sends the path on', () => {
    const [a, b, c] = createGroups().fork(rootToken, 3);
    expect(arriveAtJoin(a!, 'join').kind).toBe('wait');
    expect(arriveAtJoin(b!, 'join').kind).toBe('wait');
    expect(endBranch(c!)).toMatchObject({ kind: 'continue', joinNodeId: 'join', token: rootToken });
  });

  it('lets nothing through when every branch ended early, and counts that for the enclosing fork', () => {
    const groups = createGroups();
    const [outer1, outer2] = groups.fork(rootToken, 2);
    const [inner1, inner2] = groups.fork(outer1!, 2);
    expect(endBranch(inner1!).kind).toBe('wait');
    expect(endBranch(inner2!).kind).toBe('wait'); // the outer fork still waits for its other branch
    expect(arriveAtJoin(outer2!, 'outer_join')).toMatchObject({ kind: 'continue', joinNodeId: 'outer_join', token: rootToken });
  });

  it('joins nested forks innermost first', () => {
    const groups = createGroups();
    const [outer1, outer2] = groups.fork(rootToken, 2);
    const [inner1, inner2] = groups.fork(outer1!, 2);
    expect(arriveAtJoin(inner1!, 'inner_join').kind).toBe('wait');
    const inner = arriveAtJoin(inner2!, 'inner_join');
    expect(inner).toMatchObject({ kind: 'continue', joinNodeId: 'inner_join', token: outer1 });
    expect(arriveAtJoin(outer2!, 'outer_join').kind).toBe('wait');
    expect(arriveAtJoin(outer1!, 'outer_join')).toMatchObject({ kind: 'continue', joinNodeId: 'outer_join', token: rootToken });
  });

  it('lets a path through a join reached outside any fork, and a single edge forks nothing', () => {
    expect(arriveAtJoin(rootToken, 'join')).toMatchObject({ kind: 'continue', joinNodeId: 'join', token: rootToken });
    expect(createGroups().fork(rootToken, 1)).toEqual([rootToken]);
    expect(endBranch(rootToken)).toEqual({ kind: 'done' });
  });
});
