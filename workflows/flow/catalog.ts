import { z } from 'zod';
import type { AnyNodeDef, NodeTypeDef } from './node-def';
import { approval } from './nodes/approval';
import { condition } from './nodes/condition';
import { createTask } from './nodes/create-task';
import { delay } from './nodes/delay';
import { end } from './nodes/end';
import { escalate } from './nodes/escalate';
import { notify } from './nodes/notify';
import { parallelJoin } from './nodes/parallel-join';
import { parallelSplit } from './nodes/parallel-split';
import { setStatus } from './nodes/set-status';
import { startRetrospective } from './nodes/start-retrospective';
import { trigger } from './nodes/trigger';
import { waitForAck } from './nodes/wait-for-ack';
import { webhook } from './nodes/webhook';

/** Keys must equal their definition's kind, so a kind is spelled once and can be looked up by it. */
type Catalog<C> = { [K in keyof C]: K extends string ? NodeTypeDef<K, z.ZodType> : never };
function defineCatalog<C extends Catalog<C>>(catalog: C): C {
  return catalog;
}

/** The single list of node kinds, in palette order. */
export const nodeCatalog = defineCatalog({
  trigger,
  notify,
  wait_for_ack: waitForAck,
  approval,
  escalate,
  condition,
  parallel_split: parallelSplit,
  parallel_join: parallelJoin,
  delay,
  set_status: setStatus,
  create_task: createTask,
  webhook,
  start_retrospective: startRetrospective,
  end,
});

export type NodeCatalog = typeof nodeCatalog;
export type NodeKind = keyof NodeCatalog;
export type NodeConfig<K extends NodeKind = NodeKind> = z.output<NodeCatalog[K]['config']>;

export const nodeKinds = Object.keys(nodeCatalog).filter(isNodeKind);

export function isNodeKind(kind: string): kind is NodeKind {
  return Object.hasOwn(nodeCatalog, kind);
}

/** The definition of a kind, seen through the interface every definition shares. */
export function nodeDef(kind: NodeKind): AnyNodeDef {
  return nodeCatalog[kind];
}

function nonEmpty<T>(items: readonly T[]): [T, ...T[]] {
  const [first, ...rest] = items;
  if (first === undefined) throw new Error('The node catalog is empty.');
  return [first, ...rest];
}

/** A saved node of any kind, its config checked by that kind's schema. */
export const flowNodeSchema = z.discriminatedUnion(
  'kind',
  nonEmpty(Object.values(nodeCatalog).map((def) => def.nodeSchema)),
);
export type FlowNode = z.infer<typeof flowNodeSchema>;

/** `{ kind, config }` alone, for the designer's side panel and the API's node-level checks. */
export const nodeConfigSchema = z.discriminatedUnion(
  'kind',
  nonEmpty(Object.values(nodeCatalog).map((def) => def.nodeSchema.pick({ kind: true, config: true }))),
);
export type KindAndConfig = z.infer<typeof nodeConfigSchema>;
