import { isNodeKind, nodeDef, type NodeKind } from './catalog';
import type { GraphLike } from './connection';
import type { VariableDef } from './context-variables';
import { buildAdjacency, reachableFrom } from './graph-analysis';
import type { AnyNodeDef } from './node-def';

/** A node whose config has been checked; `config` is the parsed one when `valid`. */
export interface CheckedNode {
  readonly id: string;
  readonly kind: NodeKind | undefined;
  readonly def: AnyNodeDef | undefined;
  readonly valid: boolean;
  readonly config: unknown;
}

export function checkNode(node: { id: string; kind: string; config: unknown }): CheckedNode {
  if (!isNodeKind(node.kind)) return { id: node.id, kind: undefined, def: undefined, valid: false, config: node.config };
  const def = nodeDef(node.kind);
  const parsed = def.config.safeParse(node.config);
  return parsed.success
    ? { id: node.id, kind: node.kind, def, valid: true, config: parsed.data }
    : { id: node.id, kind: node.kind, def, valid: false, config: node.config };
}

export function providedBy(node: CheckedNode): readonly VariableDef[] {
  return node.valid && node.def?.provides !== undefined ? node.def.provides(node.config) : [];
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((name) => b.has(name));
}

/**
 * For each node reachable from the trigger, the variable names known when it starts: what the
 * trigger provides plus what steps on *every* path to it provide (what *any* path provides, for a
 * parallel join, which waits for all of them). A forward "must" data-flow analysis, iterated to
 * its fixed point because loops feed back into themselves.
 */
export function availableVariableNames(
  nodes: readonly CheckedNode[],
  edges: readonly { readonly source: string; readonly target: string }[],
  triggerId: string,
): Map<string, Set<string>> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const { successors, predecessors } = buildAdjacency(
    nodes.map((node) => node.id),
    edges,
  );
  const reachable = reachableFrom(triggerId, successors);
  const reachableSet = new Set(reachable);
  const provided = new Map(
    nodes.map((node) => [node.id, new Set(providedBy(node).map((variable) => variable.name))]),
  );
  const everything = new Set([...provided.values()].flatMap((names) => [...names]));

  const known = new Map<string, Set<string>>(
    reachable.map((id) => [id, id === triggerId ? new Set<string>() : new Set(everything)]),
  );
  const outOf = (id: string): Set<string> =>
    new Set([...(known.get(id) ?? []), ...(provided.get(id) ?? [])]);

  let changed = true;
  while (changed) {
    changed = false;
    for (const id of reachable) {
      if (id === triggerId) continue;
      const outs = (predecessors.get(id) ?? []).filter((pred) => reachableSet.has(pred)).map(outOf);
      const [first, ...rest] = outs;
      if (first === undefined) continue;
      const joinsAll = byId.get(id)?.def?.joinsAll === true;
      const next = joinsAll
        ? new Set([first, ...rest].flatMap((names) => [...names]))
        : new Set([...first].filter((name) => rest.every((names) => names.has(name))));
      if (!sameSet(next, known.get(id) ?? new Set())) {
        known.set(id, next);
        changed = true;
      }
    }
  }
  return known;
}

/**
 * What the designer offers in a step's variable picker: the variables known when that step
 * starts. Empty until the flow has exactly one trigger with a valid event.
 */
export function variablesAvailableAt(graph: GraphLike): Map<string, VariableDef[]> {
  const nodes = graph.nodes.map(checkNode);
  const triggers = nodes.filter((node) => node.def?.kind === 'trigger');
  const [trigger, ...others] = triggers;
  if (trigger === undefined || others.length > 0 || !trigger.valid) return new Map();
  const defs = new Map(nodes.flatMap((node) => providedBy(node).map((variable) => [variable.name, variable] as const)));
  const names = availableVariableNames(nodes, graph.edges, trigger.id);
  return new Map(
    [...names].map(([id, known]) => [id, [...known].flatMap((name) => defs.get(name) ?? [])]),
  );
}
