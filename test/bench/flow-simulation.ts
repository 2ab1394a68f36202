// Benchmark: a test run (simulation on a virtual clock) of a 50-step flow that waits through
// 30 business days, and of a 500-step one; and validation of 50, 500 and 5,000-step flows.
// Ratios: each against the smaller run in this same process, and against the 1 s a test run may take.
// Run: npx tsx test/bench/flow-simulation.ts  — prints figures, asserts nothing.
import { simulateFlow } from '../../activities/simulation/simulate-flow';
import { flowDocumentSchema, maxFlowNodes, type FlowDocument } from '../../workflows/flow/graph-schema';
import { validateFlow } from '../../workflows/flow/validate';
import { startBenchDatabase } from './bench-database';

type DocNode = FlowDocument['nodes'][number];

/**
 * trigger → `rounds` × (notify → acknowledgement nobody answers → condition → status → task) → end:
 * five steps a round, each round waiting out the acknowledgement's timeout.
 */
function roundsFlow(rounds: number, timeout: { amount: number; unit: 'business_days' | 'business_hours' }): FlowDocument {
  const nodes: DocNode[] = [{ id: 'start', kind: 'trigger', config: { event: 'plan_submitted' }, position: { x: 0, y: 0 } }];
  const edges: FlowDocument['edges'] = [];
  let previous = { id: 'start', port: 'next' };
  const link = (target: string, port = 'next') => {
    edges.push({ id: `e${edges.length}`, source: previous.id, sourcePort: previous.port, target, targetPort: 'in' });
    previous = { id: target, port };
  };
  const at = (i: number) => ({ x: (i % 5) * 220, y: Math.floor(i / 5) * 140 });
  for (let r = 0; r < rounds; r++) {
    const add = (node: Omit<DocNode, 'position'>, port?: string) => {
      nodes.push({ ...node, position: at(nodes.length) } as DocNode);
      link(node.id, port);
    };
    add({ id: `tell_${r}`, kind: 'notify', config: { recipient: { kind: 'project_owner' }, channel: 'inbox', subject: `Round ${r} for {{project.name}}`, message: 'Hello {{recipient.name}}.' } });
    add(
      {
        id: `ack_${r}`,
        kind: 'wait_for_ack',
        config: { recipient: { kind: 'owner_manager', fallback: { kind: 'project_owner' } }, channel: 'inbox', subject: 'Please acknowledge', message: 'Hello {{recipient.name}}.', timeout },
      },
      'timed_out',
    );
    // The acknowledged path ends the flow; the bench leaves every acknowledgement unanswered.
    nodes.push({ id: `seen_${r}`, kind: 'end', config: { result: 'done' }, position: at(nodes.length) });
    edges.push({ id: `e${edges.length}`, source: `ack_${r}`, sourcePort: 'acknowledged', target: `seen_${r}`, targetPort: 'in' });
    add({ id: `check_${r}`, kind: 'condition', config: { rule: { '>=': [{ var: 'budget.overrunPct' }, 0] } } }, 'true');
    nodes.push({ id: `fine_${r}`, kind: 'end', config: { result: 'done' }, position: at(nodes.length) });
    edges.push({ id: `e${edges.length}`, source: `check_${r}`, sourcePort: 'false', target: `fine_${r}`, targetPort: 'in' });
    add({ id: `mark_${r}`, kind: 'set_status', config: { status: 'at_risk' } });
    add({ id: `task_${r}`, kind: 'create_task', config: { title: `Round ${r}: follow up`, assignee: { kind: 'project_owner' }, dueIn: { amount: 1, unit: 'business_days' } } });
  }
  nodes.push({ id: 'end', kind: 'end', config: { result: 'approved' }, position: at(nodes.length) });
  link('end');
  const doc = { schemaVersion: 1 as const, name: `${nodes.length} steps`, nodes, edges };
  // Past the product's 1,000-step bound only validation is measured, so only smaller flows are parsed.
  return nodes.length <= maxFlowNodes ? flowDocumentSchema.parse(doc) : doc;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function time<T>(runs: number, work: () => Promise<T> | T): Promise<{ ms: number; last: T }> {
  const times: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await work();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), last };
}

const bench = await startBenchDatabase();
const { db } = bench;
try {
  const director = await db.insertInto('users').values({ name: 'Dan Director', email: 'director@bench.test', role: 'manager' }).returning('id').executeTakeFirstOrThrow();
  const manager = await db.insertInto('users').values({ name: 'Mia Manager', email: 'manager@bench.test', role: 'manager', managerId: director.id }).returning('id').executeTakeFirstOrThrow();
  const rep = await db.insertInto('users').values({ name: 'Ray Rep', email: 'rep@bench.test', managerId: manager.id }).returning('id').executeTakeFirstOrThrow();
  const project = await db
    .insertInto('sales_projects')
    .values({ name: 'Q1 push', ownerId: rep.id, periodStart: new Date('2027-01-01'), periodEnd: new Date('2027-12-31'), phase: 'planning' })
    .returning('id')
    .executeTakeFirstOrThrow();

  const run = (doc: FlowDocument) =>
    simulateFlow(db, { flowId: 'bench', version: null, flowVersionId: 'bench', document: doc, projectId: project.id, startAt: Date.parse('2027-03-01T09:00:00+08:00'), responses: [], horizonDays: 366 });
  // Seven steps a round (two of them ends): 7 rounds ≈ 50 steps waiting 35 business days; 71 rounds ≈ 500 steps.
  const small = roundsFlow(7, { amount: 5, unit: 'business_days' });
  const large = roundsFlow(71, { amount: 2, unit: 'business_hours' });
  await run(small); // warm-up: module loading and the first queries

  console.log('test run (simulation on a virtual clock), median of 5');
  const results: { steps: number; ms: number }[] = [];
  for (const doc of [small, large]) {
    const { ms, last } = await time(5, () => run(doc));
    const simulatedDays = (Date.parse(last.endedAt) - Date.parse(last.startedAt)) / 86_400_000;
    const steps = last.timeline.filter((entry) => entry.port !== undefined).length;
    results.push({ steps, ms });
    console.log(
      `  ${String(doc.nodes.length).padStart(4)} nodes: ${steps} steps over ${simulatedDays.toFixed(1)} simulated days (${last.status}) in ${ms.toFixed(1)} ms; ` +
        `${(ms / steps).toFixed(2)} ms a step; ratio to the 1 s budget ${(ms / 1000).toFixed(3)}`,
    );
  }
  const [a, b] = results as [{ steps: number; ms: number }, { steps: number; ms: number }];
  console.log(`  ${(b.steps / a.steps).toFixed(1)}× the steps took ${(b.ms / a.ms).toFixed(2)}× the time (linear would be ${(b.steps / a.steps).toFixed(0)}×)`);

  console.log('validation (median of 5)');
  const validations: { nodes: number; ms: number }[] = [];
  for (const rounds of [7, 71, 714]) {
    const doc = roundsFlow(rounds, { amount: 1, unit: 'business_days' });
    const limits = { nodes: doc.nodes.length, edges: doc.edges.length };
    const { ms, last } = await time(5, () => validateFlow(doc, { limits }));
    validations.push({ nodes: doc.nodes.length, ms });
    const base = validations[0]!;
    console.log(
      `  ${String(doc.nodes.length).padStart(5)} nodes: ${ms.toFixed(1)} ms (${last.length} problems), ${((ms / doc.nodes.length) * 1000).toFixed(1)} µs a node; ` +
        `ratio to the ${base.nodes}-node run: ${(ms / base.ms).toFixed(1)}× for ${(doc.nodes.length / base.nodes).toFixed(0)}× the nodes`,
    );
  }
  console.log(`  heap used after: ${(process.memoryUsage().heapUsed / 1048576).toFixed(1)} MiB`);
} finally {
  await bench.stop();
}
