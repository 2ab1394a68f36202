import { isNodeKind, nodeDef, outputPortsOf, type FlowDraft, type FlowDraftNode, type FlowEdge } from '../../../../workflows/flow';
import { formSpecFor } from '../form/form-spec';
import { fallbackTitle } from '../form/value-labels';

/** A step's name as the canvas shows it. */
export function stepTitle(node: FlowDraftNode | undefined, id: string): string {
  if (node === undefined) return id;
  return node.label ?? (isNodeKind(node.kind) ? nodeDef(node.kind).label : node.kind);
}

/** The labels the settings form gives these config fields of a step of `kind`; `settings` names the whole config. */
export function fieldTitles(kind: string, fields: readonly string[], settings: string): string[] {
  const spec = isNodeKind(kind) ? formSpecFor(kind) : undefined;
  return fields.map((key) => {
    if (key === '') return settings;
    const field = spec?.type === 'object' ? spec.fields.find((f) => f.key === key) : undefined;
    return field?.title ?? fallbackTitle(key);
  });
}

/** "Acknowledge within 48 h (Timed out) → Fewer than 3 levels so far?", in the words of `document`. */
export function connectionWords(edge: FlowEdge, document: FlowDraft): string {
  const source = document.nodes.find((node) => node.id === edge.source);
  const target = document.nodes.find((node) => node.id === edge.target);
  const ports = source !== undefined && isNodeKind(source.kind) ? outputPortsOf({ kind: source.kind, config: source.config }) : [];
  const port = ports.length > 1 ? ` (${ports.find((p) => p.id === edge.sourcePort)?.label ?? edge.sourcePort})` : '';
  return `${stepTitle(source, edge.source)}${port} → ${stepTitle(target, edge.target)}`;
}
