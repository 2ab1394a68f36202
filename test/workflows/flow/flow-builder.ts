import { isNodeKind, nodeDef, type Diagnostic, type FlowDraft, type NodeKind } from '../../../workflows/flow';

/** Small builders so each test states only what matters to it. Configs are `unknown` on purpose: tests feed broken ones too. */

export const someUserId = '6f1c2d3e-4b5a-4c6d-8e7f-901234567890';
export const someTeamId = '0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d';

type DraftNode = FlowDraft['nodes'][number];
type DraftEdge = FlowDraft['edges'][number];

export function node(id: string, kind: NodeKind | (string & {}), config?: unknown, label?: string): DraftNode {
  const defaults = isNodeKind(kind) ? nodeDef(kind).defaults : {};
  return {
    id,
    kind,
    config: config === undefined ? structuredClone(defaults) : config,
    position: { x: 0, y: 0 },
    ...(label === undefined ? {} : { label }),
  };
}

export function edge(source: string, sourcePort: string, target: string, targetPort = 'in', id?: string): DraftEdge {
  return { id: id ?? `${source}:${sourcePort}-${target}:${targetPort}`, source, sourcePort, target, targetPort };
}

export function flow(nodes: DraftNode[], edges: DraftEdge[], name = 'Test flow'): FlowDraft {
  return { schemaVersion: 1, name, nodes, edges };
}

export const trigger = (id = 'start', event = 'milestone_missed'): DraftNode => node(id, 'trigger', { event });
export const end = (id = 'end'): DraftNode => node(id, 'end', { result: 'done' });

export function notifyConfig(message: string, recipient: unknown = { kind: 'project_owner' }): Record<string, unknown> {
  return { recipient, channel: 'inbox', subject: 'Subject', message };
}

/** trigger → notify → end: the smallest flow that validates. */
export function minimalFlow(): FlowDraft {
  return flow(
    [trigger(), node('tell', 'notify', notifyConfig('Hello {{recipient.name}}')), end()],
    [edge('start', 'next', 'tell'), edge('tell', 'next', 'end')],
  );
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => diagnostic.code);
}

export function withCode(diagnostics: readonly Diagnostic[], code: Diagnostic['code']): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}
