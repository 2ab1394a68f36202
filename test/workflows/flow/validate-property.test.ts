import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeCatalog, outputPortsOf, validateFlow, type FlowDraft, type NodeKind } from '../../../workflows/flow';
import { edge, end, node } from './flow-builder';

/** Step kinds whose defaults need nothing from a particular trigger event. */
const stepKinds = [
  'notify',
  'wait_for_ack',
  'approval',
  'escalate',
  'condition',
  'delay',
  'set_status',
  'create_task',
  'webhook',
  'start_retrospective',
] as const satisfies readonly NodeKind[];

const triggerConfigs = [
  { event: 'plan_submitted' },
  { event: 'milestone_at_risk' },
  { event: 'milestone_missed' },
  { event: 'change_requested' },
  { event: 'project_closed' },
  { event: 'kpi_threshold_crossed', metric: 'revenue', direction: 'below', threshold: 100 },
  { event: 'schedule', cron: '0 9 * * MON' },
];

/**
 * A chain trigger → step → step → … → end where each step's first output leads on and every
 * other output ends at its own End step, with the nodes listed in a shuffled order.
 */
const linearFlow = fc
  .record({
    trigger: fc.constantFrom(...triggerConfigs),
    kinds: fc.array(fc.constantFrom(...stepKinds), { maxLength: 12 }),
    prefix: fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/),
  })
  .chain(({ trigger, kinds, prefix }) => {
    const nodes: FlowDraft['nodes'] = [node(`${prefix}_t`, 'trigger', trigger)];
    const edges: FlowDraft['edges'] = [];
    let previous = { id: `${prefix}_t`, port: 'next' };
    kinds.forEach((kind, index) => {
      const id = `${prefix}_${index}`;
      const step = node(id, kind, structuredClone(nodeCatalog[kind].defaults));
      nodes.push(step);
      edges.push(edge(previous.id, previous.port, id));
      const [first, ...others] = outputPortsOf(step);
      for (const port of others) {
        nodes.push(end(`${id}_${port.id}_end`));
        edges.push(edge(id, port.id, `${id}_${port.id}_end`));
      }
      previous = { id, port: first?.id ?? 'next' };
    });
    nodes.push(end(`${prefix}_end`));
    edges.push(edge(previous.id, previous.port, `${prefix}_end`));
    return fc.record({
      nodes: fc.shuffledSubarray(nodes, { minLength: nodes.length }),
      edges: fc.shuffledSubarray(edges, { minLength: edges.length }),
    });
  })
  .map(({ nodes, edges }): FlowDraft => ({ schemaVersion: 1, name: 'Generated', nodes, edges }));

describe('validation properties', () => {
  it('accepts every generated linear flow, whatever the order of its nodes and edges', () => {
    fc.assert(
      fc.property(linearFlow, (doc) => {
        expect(validateFlow(doc)).toEqual([]);
      }),
    );
  });

  it('finds a problem in a generated flow once any one of its edges is removed', () => {
    fc.assert(
      fc.property(
        linearFlow.chain((doc) => fc.record({ doc: fc.constant(doc), drop: fc.nat({ max: doc.edges.length - 1 }) })),
        ({ doc, drop }) => {
          const broken = { ...doc, edges: doc.edges.filter((_edge, index) => index !== drop) };
          expect(validateFlow(broken).length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('gives the same answer twice and never changes the document it checks', () => {
    fc.assert(
      fc.property(linearFlow, fc.nat(), (doc, seed) => {
        const messy = { ...doc, nodes: doc.nodes.map((n, i) => (i === seed % doc.nodes.length ? { ...n, config: { bogus: seed } } : n)) };
        const before = structuredClone(messy);
        const first = validateFlow(messy);
        expect(validateFlow(messy)).toEqual(first);
        expect(messy).toEqual(before);
      }),
    );
  });
});
