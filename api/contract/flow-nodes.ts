import { z } from 'zod';
import { nodeCatalog } from '../../workflows/flow/catalog';
import type { AnyNodeDef, OutputPort } from '../../workflows/flow/node-def';

/**
 * The node kinds of the flow language as the OpenAPI description shows them, generated from the
 * node catalog: one schema per kind (its config schema, label, help and output ports) and their
 * union on `kind`, `FlowNode`. For the description only: the API and the interpreter parse flows
 * with the flow language's own schemas, so nothing here changes what is accepted.
 *
 * The schemas come from zod's own JSON Schema output (as the designer's forms do), because a
 * condition's JSON Logic rule is recursive, which the OpenAPI generator cannot follow unnamed.
 */

type JsonSchema = { [key: string]: unknown };

export const flowNodeComponent = 'FlowNode';

/** `wait_for_ack` → `WaitForAckNode`. */
export const nodeComponentName = (kind: string) =>
  `${kind
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')}Node`;

const componentRef = (name: string) => `#/components/schemas/${name}`;

const portWords = (port: OutputPort) => `\`${port.id}\` (${port.label}${port.required ? '' : ', may stay unconnected'})`;

/** A kind's description: what it does and where an edge may leave it (`sourcePort`). */
export function nodeKindDescription(def: AnyNodeDef): string {
  const ports = def.outputs(def.defaults);
  const leaves =
    ports.length === 0 ? 'It has no output port: the flow ends here.' : `Output ports (edges leave by \`sourcePort\`): ${ports.map(portWords).join(', ')}.`;
  return [`${def.label}: ${def.help}`, leaves, def.portsNote].filter(Boolean).join(' ');
}

/** The output ports in a form a program reads (`x-ports`), for the kind's default config. */
export const nodeKindPorts = (def: AnyNodeDef) => def.outputs(def.defaults).map(({ id, label, required }) => ({ id, label, required }));

/** Local references (`#/$defs/…`) made to point inside the component the schema becomes. */
function rehome(value: unknown, name: string): unknown {
  if (Array.isArray(value)) return value.map((item) => rehome(item, name));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/$defs/') ? `${componentRef(name)}/$defs/${inner.slice('#/$defs/'.length)}` : rehome(inner, name),
    ]),
  );
}

function kindSchema(def: AnyNodeDef): JsonSchema {
  const name = nodeComponentName(def.kind);
  // What a client sends: the input side of the schema (optional fields stay optional).
  const { $schema: _dialect, ...schema } = z.toJSONSchema(def.nodeSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return {
    ...(rehome(schema, name) as JsonSchema),
    title: def.label,
    description: nodeKindDescription(def),
    'x-ports': nodeKindPorts(def),
    ...(def.portsNote === undefined ? {} : { 'x-ports-note': def.portsNote }),
  };
}

/** Every schema the node kinds add to the description's components, `FlowNode` last. */
export function flowNodeComponents(): Record<string, JsonSchema> {
  const defs: AnyNodeDef[] = Object.values(nodeCatalog);
  const kinds = Object.fromEntries(defs.map((def) => [nodeComponentName(def.kind), kindSchema(def)]));
  return {
    ...kinds,
    [flowNodeComponent]: {
      description:
        'A step of a flow: one of the node kinds, told apart by `kind`, each with its own `config`. Edges leave a node by one of its output ports (`sourcePort`) and enter it by `in` (`targetPort`).',
      oneOf: defs.map((def) => ({ $ref: componentRef(nodeComponentName(def.kind)) })),
      discriminator: { propertyName: 'kind', mapping: Object.fromEntries(defs.map((def) => [def.kind, componentRef(nodeComponentName(def.kind))])) },
    },
  };
}

export const flowNodeRef = componentRef(flowNodeComponent);
