import type { Edge, Node } from '@xyflow/react';
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { AccessRole } from '../../../workflows/domain/access-role';

/** What the org chart needs of a person (the API's user has more). */
export interface ChartPerson {
  id: string;
  name: string;
  managerId: string | null;
  role: AccessRole;
  active: boolean;
}

export type PersonNodeData = {
  name: string;
  role: AccessRole;
  active: boolean;
  /** On the chosen person's escalation chain: the person, their manager, and so on to the top. */
  inChain: boolean;
  chosen: boolean;
  me: boolean;
};
export type PersonNode = Node<PersonNodeData, 'person'>;

/** Every card is this size; the layout does not wait for measurements. */
export const personCardSize = { width: 200, height: 60 };

/**
 * The person and everyone above them, nearest first, to the top of the chart: whom an escalation
 * about their work reaches, level by level. Stops at a manager missing from the list, or a loop.
 */
export function escalationChain(people: readonly ChartPerson[], personId: string): ChartPerson[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const chain: ChartPerson[] = [];
  const seen = new Set<string>();
  for (let current = byId.get(personId); current && !seen.has(current.id); current = current.managerId ? byId.get(current.managerId) : undefined) {
    seen.add(current.id);
    chain.push(current);
  }
  return chain;
}

const edgeId = (managerId: string, reportId: string) => `${managerId}->${reportId}`;

/** An edge from each manager to each person reporting to them (a manager not in the list has none). */
export function reportingEdges(people: readonly ChartPerson[], chain: readonly ChartPerson[]): Edge[] {
  const ids = new Set(people.map((p) => p.id));
  const onChain = new Set(chain.slice(1).map((p, i) => edgeId(p.id, chain[i]!.id)));
  return people
    .filter((p) => p.managerId !== null && ids.has(p.managerId))
    .map((p) => {
      const id = edgeId(p.managerId!, p.id);
      const highlighted = onChain.has(id);
      return { id, source: p.managerId!, target: p.id, type: 'smoothstep', className: highlighted ? 'org-edge org-edge--chain' : 'org-edge', zIndex: highlighted ? 1 : 0 };
    });
}

/** The cards at their laid-out places, marked when on the chosen person's chain. */
export function personNodes(
  people: readonly ChartPerson[],
  positions: ReadonlyMap<string, { x: number; y: number }>,
  chain: readonly ChartPerson[],
  meId: string,
): PersonNode[] {
  const onChain = new Set(chain.map((p) => p.id));
  return people.map((p) => ({
    id: p.id,
    type: 'person',
    position: positions.get(p.id) ?? { x: 0, y: 0 },
    draggable: false,
    connectable: false,
    data: { name: p.name, role: p.role, active: p.active, inChain: onChain.has(p.id), chosen: chain[0]?.id === p.id, me: p.id === meId },
  }));
}

/** The card (other than `except`) under a point of the chart, by the laid-out places; null over empty space. */
export function personAt(point: { x: number; y: number }, positions: ReadonlyMap<string, { x: number; y: number }>, except: string): string | null {
  for (const [id, at] of positions) {
    if (id === except) continue;
    if (point.x >= at.x && point.x <= at.x + personCardSize.width && point.y >= at.y && point.y <= at.y + personCardSize.height) return id;
  }
  return null;
}

/** The ELK graph of the chart: managers above the people who report to them. */
export function orgLayoutGraph(people: readonly ChartPerson[]): ElkNode {
  return {
    id: 'org',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.spacing.nodeNode': '24',
      'elk.separateConnectedComponents': 'true',
    },
    children: people.map((p) => ({ id: p.id, ...personCardSize })),
    edges: reportingEdges(people, []).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
}
