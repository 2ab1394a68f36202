import { z } from 'zod';
import {
  channelLabels,
  connectionRefusals,
  eventVariables,
  nodeCatalog,
  nodeCategoryLabels,
  nodeDef,
  nodeKinds,
  projectVariables,
  recipientVariables,
  triggerEventLabels,
  triggerEvents,
  type NodeKind,
  type VariableDef,
} from '../../flow';
import { durationUnitWords, type DurationUnit } from '../../flow/duration';
import { branchOfPort, branchPortLabel } from '../../flow/nodes/parallel-split';
import { peopleRuleWording, type PeopleRuleWording } from '../../flow/people-rule';
import { branchPortKey, catalogPath, icuLiteral, icuPattern, type FlowCatalogMessages, type NodeMessages } from '../flow-catalog';

/**
 * The flow language's words in English, read from the flow language itself when this module loads:
 * the node definitions stay the one place each text is written.
 */
type JsonSchema = z.core.JSONSchema.JSONSchema;

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapValues<K extends string, V, W>(record: Readonly<Record<K, V>>, map: (value: V, key: K) => W): Record<K, W> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value as V, key as K)])) as Record<K, W>;
}

/** Keeps one text per key; the same setting titled two ways in two variants would be one key for two texts. */
function put(into: Record<string, string>, key: string, text: string, where: string): void {
  const message = icuLiteral(text);
  if (into[key] !== undefined && into[key] !== message) throw new Error(`${where}: "${key}" reads both "${into[key]}" and "${message}".`);
  into[key] = message;
}

/** Titles and help texts of a config schema by path, variants merged as the designer's form merges them. */
function collectFields(schema: JsonSchema, path: string, fields: Record<string, string>, help: Record<string, string>, kind: NodeKind): void {
  if (path !== '') {
    if (typeof schema.title === 'string') put(fields, catalogPath(path), schema.title, kind);
    if (typeof schema.description === 'string') put(help, catalogPath(path), schema.description, kind);
  }
  for (const variant of [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    if (isSchema(variant) && variant.properties !== undefined) collectFields(variant, path, fields, help, kind);
  }
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (isSchema(property)) collectFields(property, path === '' ? key : `${path}.${key}`, fields, help, kind);
  }
}

function nodeMessages(kind: NodeKind): NodeMessages {
  const def = nodeDef(kind);
  const ports: Record<string, string> = {};
  for (const port of [...def.inputs, ...def.outputs(def.defaults)]) {
    if (branchOfPort(port.id) !== null) ports[branchPortKey] = icuPattern(branchPortLabel);
    else put(ports, port.id, port.label, kind);
  }
  const fields: Record<string, string> = {};
  const fieldHelp: Record<string, string> = {};
  collectFields(z.toJSONSchema(def.config, { unrepresentable: 'any' }), '', fields, fieldHelp, kind);
  return { label: icuLiteral(def.label), help: icuLiteral(def.help), ports, fields, fieldHelp };
}

/** Every variable the trigger's events and the steps provide, for the labels people pick them by. */
function allVariables(): VariableDef[] {
  return [
    ...projectVariables,
    ...triggerEvents.flatMap((event) => eventVariables[event]),
    ...recipientVariables,
    ...Object.values(nodeCatalog).flatMap((entry): readonly VariableDef[] => {
      const def = nodeDef(entry.kind);
      return def.provides?.(def.defaults) ?? [];
    }),
  ];
}

function variableMessages(): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const variable of allVariables()) put(messages, catalogPath(variable.name), variable.label, 'variables');
  return messages;
}

function durationMessage([singular, plural]: readonly [string, string]): string {
  return `{amount, plural, one {{amount} ${icuLiteral(singular)}} other {{amount} ${icuLiteral(plural)}}}`;
}

export const flowCatalog: FlowCatalogMessages = {
  categories: mapValues(nodeCategoryLabels, icuLiteral),
  nodes: Object.fromEntries(nodeKinds.map((kind) => [kind, nodeMessages(kind)])) as Record<NodeKind, NodeMessages>,
  events: mapValues(triggerEventLabels, icuLiteral),
  channels: mapValues(channelLabels, icuLiteral),
  variables: variableMessages(),
  people: mapValues<PeopleRuleWording, string, string>(peopleRuleWording, icuPattern),
  durations: mapValues<DurationUnit, readonly [string, string], string>(durationUnitWords, durationMessage),
  units: mapValues<DurationUnit, readonly [string, string], string>(durationUnitWords, ([, plural]) => icuLiteral(plural)),
  connections: mapValues(connectionRefusals, icuLiteral),
};
