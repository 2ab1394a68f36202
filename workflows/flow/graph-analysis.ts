/**
 * Plain graph algorithms over node ids, iterative so that a flow of a thousand steps cannot
 * exhaust the stack.
 */

export type Adjacency = ReadonlyMap<string, readonly string[]>;

export function buildAdjacency(
  nodeIds: readonly string[],
  edges: readonly { readonly source: string; readonly target: string }[],
): { successors: Map<string, string[]>; predecessors: Map<string, string[]> } {
  const successors = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  const predecessors = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  for (const edge of edges) {
    successors.get(edge.source)?.push(edge.target);
    predecessors.get(edge.target)?.push(edge.source);
  }
  return { successors, predecessors };
}

/** Ids reachable from `start` (including it), in breadth-first order. */
export function reachableFrom(start: string, successors: Adjacency): string[] {
  const seen = new Set([start]);
  const order = [start];
  for (let index = 0; index < order.length; index += 1) {
    for (const next of successors.get(order[index] ?? '') ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        order.push(next);
      }
    }
  }
  return order;
}

/**
 * The loops of a graph: strongly connected components with more than one node, or a node with an
 * edge to itself (Tarjan's algorithm with an explicit stack).
 */
export function loops(nodeIds: readonly string[], successors: Adjacency): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;

  for (const root of nodeIds) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    lowLink.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);

    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame === undefined) break;
      const targets = successors.get(frame.node) ?? [];
      const target = targets[frame.next];
      if (target !== undefined) {
        frame.next += 1;
        if (!index.has(target)) {
          index.set(target, counter);
          lowLink.set(target, counter);
          counter += 1;
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node) ?? 0, index.get(target) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        lowLink.set(parent.node, Math.min(lowLink.get(parent.node) ?? 0, lowLink.get(frame.node) ?? 0));
      }
      if (lowLink.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && targets.includes(frame.node);
        if (component.length > 1 || selfLoop) result.push(component);
      }
    }
  }
  return result;
}
