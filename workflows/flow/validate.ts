import type { z } from 'zod';
import { nodeCatalog, type NodeKind } from './catalog';
import { eventVariables } from './context-variables';
import type { Diagnostic, DiagnosticArg, DiagnosticPhrase } from './diagnostic';
import { englishSentence } from './diagnostic-sentence';
import { buildAdjacency, loops, reachableFrom } from './graph-analysis';
import { flowDocumentSchema, flowDraftSchema, flowDraftSchemaWithin, type FlowDocument, type FlowDraft } from './graph-schema';
import { humanTextProblem } from '../domain/human-text';
import { fieldTitle, formatPath, issueWording } from './issue-sentence';
import type { AnyNodeDef, OutputPort } from './node-def';
import { alwaysResolves, peopleRulePhrase, peopleRuleVariables, type PeopleRule } from './people-rule';
import { ruleVariables } from './rule';
import { templateProblem, templateVariables } from './template';
import { triggerEventLabels, triggerEvents, triggerRaisers, type TriggerEvent, type TriggerRaiser } from './trigger-events';
import { availableVariableNames, checkNode, type CheckedNode } from './variable-availability';

export interface ValidateOptions {
  /**
   * Asked for each people rule that names no fallback. True: it always finds an active person
   * (the API can know, from the database); false: it may not; undefined: judge by the rule's
   * nature (a named person or the owner always exists, a role or a manager level may not).
   */
  resolvesToSomeone?: (rule: PeopleRule, where: { nodeId: string; kind: NodeKind }) => boolean | undefined;
  /** Other size bounds than the product's (benchmarks measure how validation grows past them). */
  limits?: { nodes: number; edges: number };
  /** Who raises each event; tests pass a list with an event nothing raises. */
  raisers?: Record<TriggerEvent, TriggerRaiser>;
}

const allDefs: readonly AnyNodeDef[] = Object.values(nodeCatalog);
const waitingLabels = allDefs.filter((def) => def.waits).map((def) => `"${def.label}"`);

/** A diagnostic without its sentence, which `worded` writes from the catalog. */
type Unworded = Omit<Diagnostic, 'message' | 'params'> & { params?: Record<string, DiagnosticArg> };

/** The diagnostic with its English sentence (readers in other languages render code and params). */
function worded(diagnostic: Unworded): Diagnostic {
  const full = { ...diagnostic, params: diagnostic.params ?? {} };
  return { ...full, message: englishSentence(full) };
}
const triggerKind = 'trigger' satisfies NodeKind;

/** Which step kinds set a variable, and which trigger events provide it: to explain a missing one. */
const producers = new Map<string, string[]>();
for (const def of allDefs) {
  if (def.kind === triggerKind) continue;
  for (const variable of def.provides?.(def.defaults) ?? []) {
    producers.set(variable.name, [...(producers.get(variable.name) ?? []), def.label]);
  }
}
const eventsProviding = new Map<string, TriggerEvent[]>();
for (const event of triggerEvents) {
  for (const variable of eventVariables[event]) {
    eventsProviding.set(variable.name, [...(eventsProviding.get(variable.name) ?? []), event]);
  }
}

/** `"Message" (message)`: the form title a person sees, and the path the designer highlights. */
function setting(def: AnyNodeDef, field: string): { title: string; path: string } {
  return { title: fieldTitle(def.config, field.split('.')), path: field };
}

interface Context {
  readonly draft: FlowDraft;
  readonly options: ValidateOptions;
  readonly diagnostics: Diagnostic[];
  readonly report: (diagnostic: Unworded) => void;
  readonly checked: Map<string, CheckedNode>;
  readonly names: Map<string, string>;
}

function stepName(context: Context, nodeId: string): DiagnosticPhrase {
  return { phrase: 'subject_step', params: { name: context.names.get(nodeId) ?? nodeId, id: nodeId } };
}

function documentDiagnostics(doc: unknown, error: z.ZodError): Diagnostic[] {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return [worded({ code: 'invalid_document', wording: 'not_a_flow' })];
  }
  return error.issues.map((issue) => {
    const [collection, position] = issue.path;
    const diagnostic: Unworded = { code: 'invalid_document', ...issueWording({ phrase: 'subject_flow' }, flowDraftSchema, issue) };
    if ((collection === 'nodes' || collection === 'edges') && typeof position === 'number') {
      const id = idAt(doc, collection, position);
      if (id !== undefined) return worded({ ...diagnostic, [collection === 'nodes' ? 'nodeId' : 'edgeId']: id });
    }
    return worded(diagnostic);
  });
}

/** The id of a possibly malformed node or edge, so even a shape error lands on the right element. */
function idAt(doc: unknown, collection: 'nodes' | 'edges', position: number): string | undefined {
  if (typeof doc !== 'object' || doc === null) return undefined;
  const items: unknown = Reflect.get(doc, collection);
  if (!Array.isArray(items)) return undefined;
  const item: unknown = items[position];
  if (typeof item !== 'object' || item === null) return undefined;
  const id: unknown = Reflect.get(item, 'id');
  return typeof id === 'string' ? id : undefined;
}

function checkIds(context: Context): void {
  for (const id of repeated(context.draft.nodes.map((node) => node.id))) {
    context.report({ nodeId: id, code: 'duplicate_node_id', params: { id } });
  }
  for (const id of repeated(context.draft.edges.map((edge) => edge.id))) {
    context.report({ edgeId: id, code: 'duplicate_edge_id', params: { id } });
  }
}

/** Each id once more for every time it stands again after its first place. */
function repeated(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => seen.has(id) || !seen.add(id));
}

function checkConfigs(context: Context): void {
  const seen = new Set<string>();
  for (const node of context.draft.nodes) {
    // A second node with a taken id is reported as a duplicate; its config is not looked at.
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    const def = context.checked.get(node.id)?.def;
    if (def === undefined) {
      context.report({
        nodeId: node.id,
        code: 'unknown_node_kind',
        params: { id: node.id, kind: node.kind },
      });
      continue;
    }
    const parsed = def.config.safeParse(node.config, { reportInput: true });
    if (parsed.success) continue;
    const subject = stepName(context, node.id);
    for (const issue of parsed.error.issues) {
      const field = formatPath(issue.path);
      const missingTimeout =
        def.waits && field === 'timeout' && issue.code === 'invalid_type' && issue.input === undefined;
      context.report(
        missingTimeout
          ? {
              nodeId: node.id,
              field,
              code: 'missing_timeout',
              params: { step: subject, path: field },
            }
          : {
              nodeId: node.id,
              ...(field === '' ? {} : { field }),
              code: 'invalid_config',
              ...issueWording(subject, def.config, issue),
            },
      );
    }
  }
}

function checkTriggers(context: Context): string | undefined {
  const triggers = context.draft.nodes.filter((node) => node.kind === triggerKind);
  const [first, ...others] = triggers;
  if (first === undefined) {
    context.report({
      code: 'no_trigger',
    });
    return undefined;
  }
  for (const other of others) {
    context.report({
      nodeId: other.id,
      code: 'multiple_triggers',
      params: { step: stepName(context, other.id) },
    });
  }
  const event = (first.config as { event?: unknown } | undefined)?.event;
  const known = triggerEvents.find((candidate) => candidate === event);
  const raiser = known === undefined ? undefined : (context.options.raisers ?? triggerRaisers)[known];
  if (known !== undefined && raiser !== undefined && 'notRaisable' in raiser) {
    context.report({ nodeId: first.id, field: 'event', code: 'trigger_not_raisable', params: { event: triggerEventLabels[known], reason: raiser.notRaisable } });
  }
  return others.length === 0 ? first.id : undefined;
}

function portList(ports: readonly { id: string }[]): DiagnosticArg {
  return ports.length === 0 ? { phrase: 'none' } : ports.map((port) => `"${port.id}"`).join(', ');
}

/** Edges whose two ends exist; port problems are reported but do not hide the edge from later checks. */
function checkEdges(context: Context): FlowDraft['edges'] {
  const usable: FlowDraft['edges'] = [];
  const usedOutputs = new Set<string>();
  for (const edge of context.draft.edges) {
    const source = context.checked.get(edge.source);
    const target = context.checked.get(edge.target);
    if (source === undefined || target === undefined) {
      const ends = source !== undefined ? 'end' : target !== undefined ? 'start' : 'both';
      context.report({
        edgeId: edge.id,
        code: 'edge_unknown_node',
        params: { edge: edge.id, ends, source: edge.source, target: edge.target },
      });
      continue;
    }
    usable.push(edge);
    if (source?.valid === true && source.def !== undefined) {
      const outputs = source.def.outputs(source.config);
      if (!outputs.some((port) => port.id === edge.sourcePort)) {
        const isInput = source.def.inputs.some((port) => port.id === edge.sourcePort);
        context.report({
          edgeId: edge.id,
          nodeId: edge.source,
          code: 'edge_unknown_port',
          ...(isInput
            ? { wording: 'edge_from_input', params: { edge: edge.id, step: stepName(context, edge.source) } }
            : { wording: 'edge_unknown_output', params: { edge: edge.id, port: edge.sourcePort, step: stepName(context, edge.source), ports: portList(outputs) } }),
        });
      }
    }
    if (target?.def !== undefined) {
      const inputs = target.def.inputs;
      if (!inputs.some((port) => port.id === edge.targetPort)) {
        context.report({
          edgeId: edge.id,
          nodeId: edge.target,
          code: 'edge_unknown_port',
          ...(inputs.length === 0
            ? { wording: 'edge_into_trigger', params: { edge: edge.id, step: stepName(context, edge.target) } }
            : { wording: 'edge_unknown_input', params: { edge: edge.id, port: edge.targetPort, step: stepName(context, edge.target), ports: portList(inputs) } }),
        });
      }
    }
    const output = `${edge.source}\u0000${edge.sourcePort}`;
    if (usedOutputs.has(output)) {
      context.report({
        edgeId: edge.id,
        nodeId: edge.source,
        code: 'output_already_connected',
        params: { port: edge.sourcePort, step: stepName(context, edge.source) },
      });
    }
    usedOutputs.add(output);
  }
  return usable;
}

function checkReachability(context: Context, triggerId: string, successors: Map<string, string[]>): void {
  const reachable = new Set(reachableFrom(triggerId, successors));
  for (const node of context.draft.nodes) {
    if (reachable.has(node.id) || node.kind === triggerKind) continue;
    context.report({
      nodeId: node.id,
      code: 'unreachable_node',
      params: { step: stepName(context, node.id) },
    });
  }
}

function checkDanglingOutputs(context: Context, edges: FlowDraft['edges']): void {
  const connected = new Set(edges.map((edge) => `${edge.source}\u0000${edge.sourcePort}`));
  for (const node of context.checked.values()) {
    if (!node.valid || node.def === undefined) continue;
    const open = node.def
      .outputs(node.config)
      .filter((port: OutputPort) => port.required && !connected.has(`${node.id}\u0000${port.id}`));
    for (const port of open) {
      context.report({
        nodeId: node.id,
        code: 'dangling_output',
        params: { port: port.label, step: stepName(context, node.id) },
      });
    }
  }
}

function checkLoops(context: Context, edges: FlowDraft['edges']): void {
  // A step of unknown kind is already reported; counting it as waiting avoids a second report.
  const spins = (id: string): boolean => context.checked.get(id)?.def?.waits === false;
  const ids = context.draft.nodes.map((node) => node.id).filter(spins);
  const { successors } = buildAdjacency(
    ids,
    edges.filter((edge) => spins(edge.source) && spins(edge.target)),
  );
  const order = new Map(context.draft.nodes.map((node, index) => [node.id, index]));
  for (const loop of loops(ids, successors)) {
    const members = [...loop].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const names = members.map((id) => `"${context.names.get(id) ?? id}" (${id})`).join(', ');
    for (const id of members) {
      context.report({
        nodeId: id,
        code: 'tight_loop',
        params: {
          step: stepName(context, id),
          loop: members.length === 1 ? { phrase: 'loop_self' } : { phrase: 'loop_steps', params: { names } },
          waiting: waitingLabels,
        },
      });
    }
  }
}

function explainUnknown(name: string, event: TriggerEvent): { code: Diagnostic['code']; why: DiagnosticPhrase } {
  const kinds = producers.get(name);
  if (kinds !== undefined) {
    return {
      code: 'variable_not_yet_set',
      why: { phrase: 'why_only_after', params: { article: /^[AEIOU]/i.test(kinds[0] ?? '') ? 'an' : 'a', kinds: kinds.map((kind) => `"${kind}"`) } },
    };
  }
  const events = eventsProviding.get(name);
  if (events !== undefined) {
    return {
      code: 'unknown_variable',
      why: { phrase: 'why_other_event', params: { event: triggerEventLabels[event], events: events.map((other) => `"${triggerEventLabels[other]}"`) } },
    };
  }
  return { code: 'unknown_variable', why: { phrase: 'why_missing' } };
}

function checkVariables(context: Context, edges: FlowDraft['edges'], triggerId: string): void {
  const trigger = context.checked.get(triggerId);
  if (trigger === undefined || !trigger.valid) return;
  const triggerConfig = nodeCatalog.trigger.config.safeParse(trigger.config);
  if (!triggerConfig.success) return;
  const event = triggerConfig.data.event;
  const known = availableVariableNames([...context.checked.values()], edges, triggerId);

  for (const node of context.checked.values()) {
    const before = known.get(node.id);
    const def = node.def;
    if (before === undefined || !node.valid || def?.uses === undefined) continue;
    const uses = def.uses(node.config);
    const subject = stepName(context, node.id);
    const report = (field: string, shown: string, name: string): void => {
      const { code, why } = explainUnknown(name, event);
      context.report({
        nodeId: node.id,
        field,
        code,
        wording: 'variable_use',
        params: { step: subject, ...setting(def, field), shown, why },
      });
    };
    for (const template of uses.templates ?? []) {
      const problem = templateProblem(template.text);
      if (problem !== null) {
        context.report({
          nodeId: node.id,
          field: template.field,
          code: 'invalid_template',
          params: { step: subject, ...setting(def, template.field), problem },
        });
      }
      const also = new Set((template.alsoKnown ?? []).map((variable) => variable.name));
      for (const name of templateVariables(template.text)) {
        if (!before.has(name) && !also.has(name)) report(template.field, `{{${name}}}`, name);
      }
    }
    for (const { field, rule } of uses.rules ?? []) {
      for (const name of ruleVariables(rule)) {
        if (!before.has(name)) report(field, `"${name}"`, name);
      }
    }
    for (const { field, rule } of uses.people ?? []) {
      for (const name of peopleRuleVariables(rule)) {
        if (!before.has(name)) {
          context.report({
            nodeId: node.id,
            field,
            code: 'variable_not_yet_set',
            wording: 'variable_people',
            params: { step: subject, ...setting(def, field), rule: peopleRulePhrase(rule) },
          });
        }
      }
    }
  }
}

function checkFallbacks(context: Context): void {
  for (const node of context.checked.values()) {
    const kind = node.kind;
    if (!node.valid || kind === undefined || node.def?.uses === undefined) continue;
    for (const { field, rule } of node.def.uses(node.config).people ?? []) {
      if (rule.fallback !== undefined) continue;
      const answer = context.options.resolvesToSomeone?.(rule, { nodeId: node.id, kind });
      if (answer ?? alwaysResolves(rule)) continue;
      context.report({
        nodeId: node.id,
        field,
        code: 'needs_fallback',
        params: { step: stepName(context, node.id), ...setting(node.def, field), rule: peopleRulePhrase(rule) },
      });
    }
  }
}

/**
 * The flow's name and its steps' labels are read by people in lists, inboxes and run histories:
 * no control characters, direction overrides or invisible-only text (the API refuses them too).
 */
function checkReadableText(context: Context): void {
  const nameProblem = humanTextProblem(context.draft.name);
  if (nameProblem) context.report({ field: 'name', code: 'unreadable_text', wording: 'unreadable_flow_name', params: { problem: { phrase: 'text', params: { text: nameProblem } } } });
  for (const node of context.draft.nodes) {
    const problem = node.label === undefined ? undefined : humanTextProblem(node.label);
    if (problem) context.report({ nodeId: node.id, field: 'label', code: 'unreadable_text', wording: 'unreadable_label', params: { id: node.id, problem: { phrase: 'text', params: { text: problem } } } });
  }
}

/**
 * A join waits for the branches of the split before it (see the interpreter's parallel-groups.ts);
 * one reached by a path that never split would have nothing to wait for, which is a drawing mistake.
 */
function checkJoins(context: Context, triggerId: string, edges: FlowDraft['edges']): void {
  const kindOf = (id: string) => context.checked.get(id)?.def?.kind;
  const { successors } = buildAdjacency(
    [...context.checked.keys()],
    edges.filter((edge) => kindOf(edge.source) !== 'parallel_split'),
  );
  for (const id of reachableFrom(triggerId, successors)) {
    if (kindOf(id) !== 'parallel_join') continue;
    context.report({
      nodeId: id,
      code: 'join_without_split',
      params: { step: stepName(context, id) },
    });
  }
}

/**
 * Every problem that keeps a flow from being published, each as a sentence for the person drawing
 * it. An empty list means the flow may be published and run.
 */
export function validateFlow(doc: unknown, options: ValidateOptions = {}): Diagnostic[] {
  const parsed = (options.limits ? flowDraftSchemaWithin(options.limits) : flowDraftSchema).safeParse(doc, { reportInput: true });
  if (!parsed.success) return documentDiagnostics(doc, parsed.error);
  const draft = parsed.data;

  const checked = new Map<string, CheckedNode>();
  const names = new Map<string, string>();
  for (const node of draft.nodes) {
    if (checked.has(node.id)) continue;
    const result = checkNode(node);
    checked.set(node.id, result);
    names.set(node.id, node.label ?? result.def?.label ?? node.kind);
  }
  const diagnostics: Diagnostic[] = [];
  const context: Context = { draft, options, diagnostics, checked, names, report: (diagnostic) => diagnostics.push(worded(diagnostic)) };

  checkIds(context);
  checkReadableText(context);
  checkConfigs(context);
  const triggerId = checkTriggers(context);
  const edges = checkEdges(context);
  const { successors } = buildAdjacency([...checked.keys()], edges);
  if (triggerId !== undefined) checkReachability(context, triggerId, successors);
  checkDanglingOutputs(context, edges);
  checkLoops(context, edges);
  if (triggerId !== undefined) checkJoins(context, triggerId, edges);
  if (triggerId !== undefined) checkVariables(context, edges, triggerId);
  checkFallbacks(context);
  return context.diagnostics;
}

export type PublishCheck = { ok: true; flow: FlowDocument } | { ok: false; diagnostics: Diagnostic[] };

/** Validates and, when nothing is wrong, returns the typed document the interpreter runs. */
export function checkPublishable(doc: unknown, options: ValidateOptions = {}): PublishCheck {
  const diagnostics = validateFlow(doc, options);
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const parsed = flowDocumentSchema.safeParse(doc);
  // validateFlow checks at least what the document schema checks; this guards against drift.
  if (!parsed.success) return { ok: false, diagnostics: documentDiagnostics(doc, parsed.error) };
  return { ok: true, flow: parsed.data };
}
