import type { Channel, ConnectionRefusal, NodeCategory, NodeKind, TriggerEvent } from '../flow';
import type { DurationUnit } from '../flow/duration';
import type { PeopleRuleWording } from '../flow/people-rule';

/**
 * The flowCatalog namespace: every word of the flow language a person reads (node kinds, their
 * ports and settings, trigger events, channels, context variables, who a rule reaches, durations).
 * Its English is derived from the flow language itself (en/flow-catalog.ts), so each text is
 * written once, in the node definitions; other languages translate it by hand. These helpers
 * spell the keys, so the web app and the server look texts up the same way.
 */
export interface FlowCatalogMessages {
  readonly categories: Readonly<Record<NodeCategory, string>>;
  readonly nodes: Readonly<Record<NodeKind, NodeMessages>>;
  readonly events: Readonly<Record<TriggerEvent, string>>;
  readonly channels: Readonly<Record<Channel, string>>;
  /** By variable name, dots written as `/` (see `catalogPath`). */
  readonly variables: Readonly<Record<string, string>>;
  readonly people: Readonly<Record<PeopleRuleWording, string>>;
  /** `{amount}` and the unit's word, one or many. */
  readonly durations: Readonly<Record<DurationUnit, string>>;
  /** A unit on its own, as a choice in a form. */
  readonly units: Readonly<Record<DurationUnit, string>>;
  /** Why a connection cannot be drawn. */
  readonly connections: Readonly<Record<ConnectionRefusal, string>>;
}

export interface NodeMessages {
  readonly label: string;
  readonly help: string;
  readonly ports: Readonly<Record<string, string>>;
  /** Settings' titles by config path (dots written as `/`). */
  readonly fields: Readonly<Record<string, string>>;
  /** Settings' help texts by config path, for those that have one. */
  readonly fieldHelp: Readonly<Record<string, string>>;
}

/**
 * A dotted path (a config field, a variable name) as one catalog key: i18next reads dots as
 * nesting, and a setting can have both a title and settings inside it (`approvers`, `approvers.level`).
 */
export function catalogPath(path: string): string {
  return path.split('.').join('/');
}

/** The port key of a parallel split's branches, whose label takes the branch's `{number}`. */
export const branchPortKey = 'branch';

export const flowCatalogKeys = {
  category: (category: NodeCategory) => `categories.${category}`,
  nodeLabel: (kind: NodeKind) => `nodes.${kind}.label`,
  nodeHelp: (kind: NodeKind) => `nodes.${kind}.help`,
  port: (kind: NodeKind, port: string) => `nodes.${kind}.ports.${port}`,
  fieldTitle: (kind: NodeKind, path: string) => `nodes.${kind}.fields.${catalogPath(path)}`,
  fieldHelp: (kind: NodeKind, path: string) => `nodes.${kind}.fieldHelp.${catalogPath(path)}`,
  event: (event: TriggerEvent) => `events.${event}`,
  channel: (channel: Channel) => `channels.${channel}`,
  variable: (name: string) => `variables.${catalogPath(name)}`,
  people: (wording: PeopleRuleWording) => `people.${wording}`,
  duration: (unit: DurationUnit) => `durations.${unit}`,
  unit: (unit: DurationUnit) => `units.${unit}`,
  connection: (refusal: ConnectionRefusal) => `connections.${refusal}`,
} as const;

/** Plain text as an ICU message that shows exactly that text: quotes doubled, braces and tags quoted. */
export function icuLiteral(text: string): string {
  return text.replace(/'/g, "''").replace(/[{}<>]+/g, (run) => `'${run}'`);
}

/** A pattern with `{name}` arguments as an ICU message: only its quotes need doubling. */
export function icuPattern(text: string): string {
  return text.replace(/'/g, "''");
}
