import { isNodeKind, type Channel, type ConnectionRefusal, type Duration, type DurationUnit, type NodeCategory, type PeopleRule, type TriggerEvent } from '../../../workflows/flow';
import { branchOfPort } from '../../../workflows/flow/nodes/parallel-split';
import { peopleRuleWordingOf } from '../../../workflows/flow/people-rule';
import { branchPortKey, flowCatalogKeys as keys } from '../../../workflows/i18n';
import { i18next } from './i18n';

/**
 * The flow language's words in the page's language, looked up when called (never at module load:
 * the language can change). Names and help come from the flowCatalog namespace, whose English is
 * the node catalog's own; anything the catalog does not know is shown as it is stored.
 */
function text(key: string, values?: Record<string, unknown>): string {
  return i18next.t(key as never, { ns: 'flowCatalog', ...values }) as string;
}

function known(key: string): boolean {
  return i18next.exists(key, { ns: 'flowCatalog' });
}

export function nodeLabel(kind: string): string {
  return isNodeKind(kind) ? text(keys.nodeLabel(kind)) : kind;
}

export function nodeHelp(kind: string): string | undefined {
  return isNodeKind(kind) ? text(keys.nodeHelp(kind)) : undefined;
}

export function categoryLabel(category: NodeCategory): string {
  return text(keys.category(category));
}

/** A port's label; `fallback` (the catalog's English) for a port the catalog does not list. */
export function portLabel(kind: string, port: { readonly id: string; readonly label: string }): string {
  if (!isNodeKind(kind)) return port.label;
  const branch = branchOfPort(port.id);
  const key = branch === null ? keys.port(kind, port.id) : keys.port(kind, branchPortKey);
  return known(key) ? text(key, { number: branch }) : port.label;
}

/** The title of the setting at a dotted config path, or undefined when the catalog gives it none. */
export function fieldTitle(kind: string, path: string): string | undefined {
  if (!isNodeKind(kind) || path === '') return undefined;
  const key = keys.fieldTitle(kind, path);
  return known(key) ? text(key) : undefined;
}

/** The help text of the setting at a dotted config path, if it has one. */
export function fieldHelp(kind: string, path: string): string | undefined {
  if (!isNodeKind(kind) || path === '') return undefined;
  const key = keys.fieldHelp(kind, path);
  return known(key) ? text(key) : undefined;
}

export function eventLabel(event: TriggerEvent): string {
  return text(keys.event(event));
}

export function channelLabel(channel: Channel): string {
  return text(keys.channel(channel));
}

/** A context variable's label, or its name when no step or event provides it. */
export function variableLabel(name: string): string {
  const key = keys.variable(name);
  return known(key) ? text(key) : name;
}

/** "the project owner's manager": who a people rule reaches, inside a sentence. */
export function describePeople(rule: PeopleRule): string {
  const { key, values } = peopleRuleWordingOf(rule);
  return text(keys.people(key), values);
}

/** "business days": a unit as a choice. */
export function unitLabel(unit: DurationUnit): string {
  return text(keys.unit(unit));
}

/** "48 hours", "1 business day". */
export function describeDuration(duration: Duration): string {
  return text(keys.duration(duration.unit), { amount: duration.amount });
}

/** Why a connection cannot be drawn. */
export function connectionRefusal(refusal: ConnectionRefusal): string {
  return text(keys.connection(refusal));
}
