import type { AuditEvent } from '../../../api/contract/audit';
import { i18next } from '../i18n/i18n';
import { audit } from '../i18n/en/audit';
import { isGoalMetric } from '../plan/goal-labels';
import { eventLabel } from '../i18n/flow-catalog';
import { isTriggerEvent } from '../../../workflows/flow/trigger-events';

/**
 * One line of the audit trail (a project's history, or the whole trail), from a raw audit row:
 * who, did what, to which thing, and the fields that changed (before → after). Rows are the
 * database's own (snake_case columns), so the wording lives here.
 */
export interface HistoryLine {
  id: string;
  at: string;
  /** Short, for a project's history: "Ann", "Ann (API token)", "The workflow". */
  who: string;
  /** In full, for the whole trail: the name, and how the change reached us. */
  by: { name: string; via: string | null };
  /** "changed the milestone “First deals”". */
  what: string;
  changes: { field: string; before: string; after: string }[];
}

/** The things the trail names by table; any other table is named after itself. */
const isNamedEntity = (entity: string): entity is keyof typeof audit.entities => Object.hasOwn(audit.entities, entity);

const isVerb = (action: string): action is 'insert' | 'update' | 'delete' => action === 'insert' || action === 'update' || action === 'delete';

/** Bookkeeping columns: the same on every row, changing with every change, or machine keys. */
const quietFields = new Set(['id', 'project_id', 'created_at', 'updated_at', 'dedupe_key', 'workflow_id']);

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How the history names things: instants in the reader's zone, people by name (null: not a person). */
export interface HistoryWording {
  formatInstant: (iso: string) => string;
  personName: (id: string) => string | null;
}

/** What a row is called, for rows that have a name of their own. */
function nameOf(row: Record<string, unknown> | null): string | null {
  if (row === null) return null;
  for (const key of ['name', 'title', 'topic', 'label', 'category', 'custom_name']) {
    const value = row[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  // A goal is named by its metric, in the reader's language ("Revenue", "销售额").
  const metric = row['metric'];
  if (typeof metric === 'string' && isGoalMetric(metric)) return i18next.t(`plan:metrics.${metric}`);
  return typeof metric === 'string' && metric.trim() !== '' ? metric : null;
}

const isNamedField = (field: string): field is keyof typeof audit.fields => Object.hasOwn(audit.fields, field);

/** A column as a reader names it: "Due at", "Owner" (owner_id); known ones in the page's language. */
export function fieldLabel(column: string): string {
  const field = column.replace(/_id$/, '');
  if (isNamedField(field)) return i18next.t(`audit:fields.${field}`);
  const spaced = field.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const isNamedValue = (value: string): value is keyof typeof audit.values => Object.hasOwn(audit.values, value);

/** A value as a short text: dates in the reader's zone, people by name, long texts and objects cut. */
export function formatValue(value: unknown, wording: HistoryWording): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && uuid.test(value)) return wording.personName(value) ?? cut(value);
  if (typeof value === 'string' && isNamedValue(value)) return i18next.t(`audit:values.${value}`);
  if (typeof value === 'string' && isGoalMetric(value)) return i18next.t(`plan:metrics.${value}`);
  if (typeof value === 'string' && isTriggerEvent(value)) return eventLabel(value);
  if (typeof value === 'string') return isoInstant.test(value) ? wording.formatInstant(value) : cut(value);
  if (typeof value === 'boolean') return i18next.t(value ? 'audit:structured.yes' : 'audit:structured.no');
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return listValue(value, wording);
  // A structured setting (incentive rules, earnings): the page that edits it shows it whole.
  return i18next.t('audit:structured.details');
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A list as a short text: its values, or its entries' dates or names, or how many entries it has. */
function listValue(entries: unknown[], wording: HistoryWording): string {
  if (entries.length === 0) return '—';
  const separator = i18next.t('audit:structured.separator');
  if (entries.every((entry) => entry === null || typeof entry !== 'object')) return cut(entries.map((entry) => formatValue(entry, wording)).join(separator));
  // A calendar's days by their date (each also has a name, the same for a holiday's several days); others by their name.
  const names = entries.map((entry) => (isRecord(entry) ? (typeof entry['date'] === 'string' ? entry['date'] : nameOf(entry)) : null));
  if (names.every((name) => name !== null)) return cut(names.join(separator));
  return i18next.t('audit:structured.entries', { count: entries.length });
}

const cut = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Fields whose value differs; for an addition, the new row's fields worth reading. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((key) => !quietFields.has(key));
  if (before === null && after !== null) return keys.filter((key) => after[key] !== null && after[key] !== undefined && after[key] !== '');
  if (after === null) return [];
  return keys.filter((key) => !same(before?.[key], after[key]));
}

export function actorLabel(actor: AuditEvent['actor']): string {
  const person = actor.name ?? i18next.t('audit:actor.someone');
  if (actor.kind === 'user') return actor.detail?.startsWith('link:') ? i18next.t('audit:actor.byLink', { name: person }) : person;
  if (actor.kind === 'token') return i18next.t('audit:actor.byToken', { name: person });
  if (actor.kind === 'workflow') return i18next.t('audit:actor.workflow');
  return i18next.t('audit:actor.system');
}

/**
 * How a change reached us, as the whole trail says it: "via API token", "via e-mail link",
 * "through workflow <id>" (a person's decision carried out by a workflow); for a workflow's own
 * changes, its id. Null for a person at the page.
 */
export function actorVia(actor: AuditEvent['actor']): string | null {
  const detail = actor.detail;
  if (actor.kind === 'token') return i18next.t('audit:actor.viaToken');
  if (actor.kind === 'workflow' || actor.kind === 'system') return detail;
  if (detail === null || detail === '') return null;
  if (detail.startsWith('link:')) return i18next.t('audit:actor.viaLink');
  if (detail.startsWith('workflow:')) return i18next.t('audit:actor.throughWorkflow', { id: detail.slice('workflow:'.length) });
  // A decision passed on by the API with the token's id it came with.
  return i18next.t('audit:actor.viaToken');
}

function actorName(actor: AuditEvent['actor']): string {
  if (actor.kind === 'workflow') return i18next.t('audit:actor.workflow');
  if (actor.kind === 'system') return i18next.t('audit:actor.system');
  return actor.name ?? i18next.t('audit:actor.someone');
}

/** A field that only holds ids of things other than people (a goal, a flow version) says nothing to a reader. */
function onlyOpaqueIds(field: string, event: AuditEvent, wording: HistoryWording): boolean {
  const values = [event.before?.[field], event.after?.[field]].filter((value) => value !== null && value !== undefined);
  return values.length > 0 && values.every((value) => typeof value === 'string' && uuid.test(value) && wording.personName(value) === null);
}

export function historyLine(event: AuditEvent, wording: HistoryWording, maxChanges = 6): HistoryLine {
  const thing = isNamedEntity(event.entity) ? i18next.t(`audit:entities.${event.entity}`) : fieldLabel(event.entity).toLowerCase();
  const name = nameOf(event.after ?? event.before);
  const action = isVerb(event.action) ? event.action : 'other';
  const fields =
    event.action === 'delete'
      ? []
      : changedFields(event.before, event.after)
          .filter((field) => !onlyOpaqueIds(field, event, wording))
          // What an addition is called is in its line already.
          .filter((field) => !(event.action === 'insert' && name !== null && formatValue(event.after?.[field], wording) === name));
  return {
    id: String(event.id),
    at: event.at,
    who: actorLabel(event.actor),
    by: { name: actorName(event.actor), via: actorVia(event.actor) },
    what: name ? i18next.t(`audit:whatNamed.${action}`, { action: event.action, thing, name }) : i18next.t(`audit:what.${action}`, { action: event.action, thing }),
    changes: fields.slice(0, maxChanges).map((field) => ({
      field: fieldLabel(field),
      before: event.action === 'insert' ? '' : formatValue(event.before?.[field], wording),
      after: formatValue(event.after?.[field], wording),
    })),
  };
}
