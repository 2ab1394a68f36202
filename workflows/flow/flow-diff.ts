import type { FlowDraft, FlowDraftNode, FlowEdge } from './graph-schema';

/**
 * What changed between two versions of a flow (a published one and the next, or the newest and
 * the draft about to be published): steps and connections added, removed and changed, and for a
 * changed step which of its settings differ. Steps are matched by id, as the interpreter's runs
 * are; moving a step on the canvas changes nothing that runs, so positions are not compared.
 */

export interface ChangedStep {
  readonly id: string;
  /** The step's kind now. */
  readonly kind: string;
  /** Its kind was another before (the step was replaced under the same id). */
  readonly kindBefore: string | null;
  readonly labelChanged: boolean;
  /** Top-level keys of its config whose values differ, in the order the newer config lists them. */
  readonly fields: readonly string[];
}

export interface FlowDiff {
  readonly steps: {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly changed: readonly ChangedStep[];
  };
  readonly edges: {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    /** Kept their id but join other steps or ports. */
    readonly changed: readonly string[];
  };
}

type Document = Pick<FlowDraft, 'nodes' | 'edges'>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Equal as JSON values: key order does not matter, array order does. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameJson(a[key], b[key]));
  }
  return false;
}

/** The config keys that differ; a config that is not an object at all counts as one field, "". */
function changedFields(before: unknown, after: unknown): string[] {
  if (!isPlainObject(before) || !isPlainObject(after)) return sameJson(before, after) ? [] : [''];
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys.filter((key) => !sameJson(before[key], after[key]));
}

function changedStep(before: FlowDraftNode, after: FlowDraftNode): ChangedStep | null {
  const kindChanged = before.kind !== after.kind;
  const labelChanged = (before.label ?? '') !== (after.label ?? '');
  const fields = kindChanged ? [] : changedFields(before.config, after.config);
  if (!kindChanged && !labelChanged && fields.length === 0) return null;
  return { id: after.id, kind: after.kind, kindBefore: kindChanged ? before.kind : null, labelChanged, fields };
}

const sameEnds = (a: FlowEdge, b: FlowEdge) => a.source === b.source && a.sourcePort === b.sourcePort && a.target === b.target && a.targetPort === b.targetPort;

export function diffFlows(before: Document, after: Document): FlowDiff {
  const nodesBefore = new Map(before.nodes.map((node) => [node.id, node]));
  const nodesAfter = new Set(after.nodes.map((node) => node.id));
  const edgesBefore = new Map(before.edges.map((edge) => [edge.id, edge]));
  const edgesAfter = new Set(after.edges.map((edge) => edge.id));
  const changed: ChangedStep[] = [];
  for (const node of after.nodes) {
    const old = nodesBefore.get(node.id);
    const change = old === undefined ? null : changedStep(old, node);
    if (change !== null) changed.push(change);
  }
  return {
    steps: {
      added: after.nodes.filter((node) => !nodesBefore.has(node.id)).map((node) => node.id),
      removed: before.nodes.filter((node) => !nodesAfter.has(node.id)).map((node) => node.id),
      changed,
    },
    edges: {
      added: after.edges.filter((edge) => !edgesBefore.has(edge.id)).map((edge) => edge.id),
      removed: before.edges.filter((edge) => !edgesAfter.has(edge.id)).map((edge) => edge.id),
      changed: after.edges.filter((edge) => {
        const old = edgesBefore.get(edge.id);
        return old !== undefined && !sameEnds(old, edge);
      }).map((edge) => edge.id),
    },
  };
}

/** True when nothing that runs differs. */
export function isUnchanged(diff: FlowDiff): boolean {
  return [diff.steps.added, diff.steps.removed, diff.steps.changed, diff.edges.added, diff.edges.removed, diff.edges.changed].every((list) => list.length === 0);
}
