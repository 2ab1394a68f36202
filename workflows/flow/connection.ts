import { isNodeKind, nodeDef } from './catalog';
import type { InputPort, OutputPort } from './node-def';

/** Just enough of a flow to check a connection, so the designer can pass its own node objects. */
export interface NodeLike {
  readonly id: string;
  readonly kind: string;
  readonly config: unknown;
}
export interface ConnectionLike {
  /** Present when an existing edge is being moved; that edge does not count against itself. */
  readonly id?: string;
  readonly source: string;
  readonly sourcePort: string;
  readonly target: string;
  readonly targetPort: string;
}
export interface GraphLike {
  readonly nodes: readonly NodeLike[];
  readonly edges: readonly ConnectionLike[];
}

/**
 * The output ports a node shows. While someone is still editing an invalid config the kind's
 * defaults stand in, so the node keeps its handles on the canvas.
 */
export function outputPortsOf(node: Pick<NodeLike, 'kind' | 'config'>): readonly OutputPort[] {
  if (!isNodeKind(node.kind)) return [];
  const def = nodeDef(node.kind);
  const parsed = def.config.safeParse(node.config);
  return def.outputs(parsed.success ? parsed.data : def.defaults);
}

export function inputPortsOf(node: Pick<NodeLike, 'kind'>): readonly InputPort[] {
  return isNodeKind(node.kind) ? nodeDef(node.kind).inputs : [];
}

/** Why a connection may not be drawn, one sentence each (the message catalogs take their English from here). */
export const connectionRefusals = {
  unknown_step: 'Both ends of a connection must be steps of this flow.',
  not_an_output: 'A connection must start at an output (the right-hand side) of a step.',
  into_trigger: 'Nothing can lead into a trigger; it is where the flow starts.',
  not_an_input: 'A connection must end at the input (the left-hand side) of a step.',
  straight_back: 'This step cannot lead straight back to itself: it would repeat without pause.',
  output_taken: 'This output already leads somewhere; one output leads to one step (use a parallel split to do several things at once).',
} as const;
export type ConnectionRefusal = keyof typeof connectionRefusals;

export type ConnectionCheck = { ok: true } | { ok: false; refusal: ConnectionRefusal; reason: string };

function refuse(refusal: ConnectionRefusal): ConnectionCheck {
  return { ok: false, refusal, reason: connectionRefusals[refusal] };
}

/** Whether a new edge may be drawn, and if not, a sentence saying why (for the designer's hint). */
export function checkConnection(graph: GraphLike, connection: ConnectionLike): ConnectionCheck {
  const source = graph.nodes.find((node) => node.id === connection.source);
  const target = graph.nodes.find((node) => node.id === connection.target);
  if (source === undefined || target === undefined) return refuse('unknown_step');
  if (!outputPortsOf(source).some((port) => port.id === connection.sourcePort)) return refuse('not_an_output');
  if (!inputPortsOf(target).some((port) => port.id === connection.targetPort)) {
    return refuse(isNodeKind(target.kind) && nodeDef(target.kind).inputs.length === 0 ? 'into_trigger' : 'not_an_input');
  }
  if (source.id === target.id && !(isNodeKind(source.kind) && nodeDef(source.kind).waits)) return refuse('straight_back');
  const others = graph.edges.filter((edge) => connection.id === undefined || edge.id !== connection.id);
  if (others.some((edge) => edge.source === connection.source && edge.sourcePort === connection.sourcePort)) return refuse('output_taken');
  return { ok: true };
}

export function isValidConnection(graph: GraphLike, connection: ConnectionLike): boolean {
  return checkConnection(graph, connection).ok;
}
