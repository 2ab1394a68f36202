/**
 * The meaning of a parallel join, kept apart from the runner so it can be read (and tested) alone.
 *
 * Every fork — a parallel split, or any step whose output feeds several edges — opens a group of
 * branches, and each branch carries the groups it belongs to (innermost last). A join waits for
 * the branches of the innermost group of whoever reaches it: it goes on once when each of those
 * branches has either arrived or ended early (at an end step, or a path with nowhere to go). The
 * last arrival, or the last early ending, sends one path on from the join, outside the group.
 * When every branch of a group ended early, nothing reaches the join and the ending counts for
 * the enclosing group.
 */

export interface BranchGroup {
  readonly id: number;
  readonly expected: number;
  arrived: number;
  ended: number;
  /** The join the first arrival reached; the group goes on from there. */
  joinNodeId: string | null;
}

/** A path through the flow: the groups it is a branch of, outermost first. */
export type Token = readonly BranchGroup[];

export const rootToken: Token = [];

/** What happens after a branch arrives at a join or ends. */
export type GroupOutcome =
  | { kind: 'wait' }
  /** Go on from the join, as `token` (the group closed; `closed` is how many branches it had, when one did). */
  | { kind: 'continue'; joinNodeId: string; token: Token; closed?: number }
  /** Nothing more to do on this path. */
  | { kind: 'done' };

export function createGroups() {
  let nextId = 1;
  return {
    /** The tokens of the branches leaving a fork of `count` edges (one edge is no fork). */
    fork(token: Token, count: number): Token[] {
      if (count <= 1) return Array.from({ length: count }, () => token);
      const group: BranchGroup = { id: nextId++, expected: count, arrived: 0, ended: 0, joinNodeId: null };
      return Array.from({ length: count }, () => [...token, group]);
    },
  };
}

function settle(token: Token): GroupOutcome {
  const group = token[token.length - 1]!;
  if (group.arrived + group.ended < group.expected) return { kind: 'wait' };
  const outer = token.slice(0, -1);
  if (group.arrived > 0) return { kind: 'continue', joinNodeId: group.joinNodeId!, token: outer, closed: group.expected };
  return endBranch(outer);
}

/** A branch reaches a join. A join reached outside any fork simply lets the path through. */
export function arriveAtJoin(token: Token, joinNodeId: string): GroupOutcome {
  const group = token[token.length - 1];
  if (!group) return { kind: 'continue', joinNodeId, token };
  group.arrived++;
  group.joinNodeId ??= joinNodeId;
  return settle(token);
}

/** A branch ends without reaching its join: its group stops waiting for it. */
export function endBranch(token: Token): GroupOutcome {
  const group = token[token.length - 1];
  if (!group) return { kind: 'done' };
  group.ended++;
  return settle(token);
}
