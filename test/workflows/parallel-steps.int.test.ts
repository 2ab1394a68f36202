import { describe, expect, it } from 'vitest';
import type { FlowNode } from '../../workflows/flow/catalog';
import type { FlowDocument } from '../../workflows/flow/graph-schema';
import { createOrgChart } from '../support/factories';
import { at, closeProject, finishedRun, type FinishedRun, flowRunOf, inboxSubjects, portsOf, runOnPlanSubmitted, runToTheEnd } from '../support/flow-runs';
import { useSystem } from '../support/system';

const system = useSystem();

const tellOwner = (id: string, subject: string, x: number, y: number): FlowNode => ({
  id,
  kind: 'notify',
  config: { recipient: { kind: 'project_owner' }, channel: 'inbox', subject, message: 'Hello {{recipient.name}}.' },
  position: at(x, y),
});
const edge = (source: string, sourcePort: string, target: string) => ({ id: `${source}-${sourcePort}-${target}`, source, sourcePort, target, targetPort: 'in' });

/** plan_submitted → split in two → tell the owner "A" / wait a second, tell "B" → join → tell "Joined" → approved. */
function twoBranches(): FlowDocument {
  return {
    schemaVersion: 1,
    name: 'Split in two and join',
    nodes: [
      { id: 'start', kind: 'trigger', config: { event: 'plan_submitted' }, position: at(0) },
      { id: 'split', kind: 'parallel_split', config: { branches: 2 }, position: at(1) },
      tellOwner('a', 'Branch A', 2, 0),
      { id: 'pause', kind: 'delay', config: { duration: { amount: 1, unit: 'seconds' } }, position: at(2, 1) },
      tellOwner('b', 'Branch B', 3, 1),
      { id: 'join', kind: 'parallel_join', config: {}, position: at(4) },
      tellOwner('after', 'Joined', 5, 0),
      { id: 'done', kind: 'end', config: { result: 'approved' }, position: at(6) },
    ],
    edges: [
      edge('start', 'next', 'split'),
      edge('split', 'branch_1', 'a'),
      edge('split', 'branch_2', 'pause'),
      edge('pause', 'next', 'b'),
      edge('a', 'next', 'join'),
      edge('b', 'next', 'join'),
      edge('join', 'next', 'after'),
      edge('after', 'next', 'done'),
    ],
  };
}

/**
 * As above with a third branch that may join too, but ends early here (its condition is false),
 * so the join must not wait for it.
 */
function threeBranchesOneEndingEarly(): FlowDocument {
  const two = twoBranches();
  return {
    ...two,
    name: 'Split in three, one ends early, join',
    nodes: [
      ...two.nodes.map((node) => (node.kind === 'parallel_split' ? { ...node, config: { branches: 3 } } : node)),
      { id: 'maybe', kind: 'condition', config: { rule: { '>': [{ var: 'plan.milestoneCount' }, 100] } }, position: at(2, 2) },
      { id: 'early', kind: 'end', config: { result: 'done' }, position: at(3, 2) },
    ],
    edges: [...two.edges, edge('split', 'branch_3', 'maybe'), edge('maybe', 'true', 'join'), edge('maybe', 'false', 'early')],
  };
}

const stepAt = (run: FinishedRun, nodeId: string) => {
  const steps = run.path.filter((step) => step.nodeId === nodeId && step.port !== undefined);
  expect(steps, `${nodeId} ran once`).toHaveLength(1);
  return Date.parse(steps[0]!.at);
};

describe('parallel split and join on the real engine', () => {
  it('runs both branches of a split and goes on from the join once, after both', async () => {
    const org = await createOrgChart(system.app);
    const { projectId, run } = await runToTheEnd(system, org, twoBranches());
    expect(portsOf(run, 'split')).toEqual(['branch_1,branch_2']);
    expect(portsOf(run, 'join')).toEqual(['next']);
    expect(stepAt(run, 'join')).toBeGreaterThanOrEqual(Math.max(stepAt(run, 'a'), stepAt(run, 'b')));
    const told = (await inboxSubjects(system, org.rep.id)).filter((subject) => ['Branch A', 'Branch B', 'Joined'].includes(subject));
    expect(told.sort()).toEqual(['Branch A', 'Branch B', 'Joined']);
    expect(run.result).toBe('approved');
    await closeProject(system, projectId, org.rep);
  });

  it('does not wait at the join for a branch that ended early, and goes on once after the other two', async () => {
    const org = await createOrgChart(system.app);
    const { projectId } = await runOnPlanSubmitted(system, org, threeBranchesOneEndingEarly());
    const run = await finishedRun(system, (await flowRunOf(system, projectId)).id, { timeoutMs: 15_000 });
    expect(portsOf(run, 'split')).toEqual(['branch_1,branch_2,branch_3']);
    expect(portsOf(run, 'maybe')).toEqual(['false']);
    expect(portsOf(run, 'join')).toEqual(['next']);
    expect(stepAt(run, 'join')).toBeGreaterThanOrEqual(Math.max(stepAt(run, 'a'), stepAt(run, 'b')));
    const told = (await inboxSubjects(system, org.rep.id)).filter((subject) => ['Branch A', 'Branch B', 'Joined'].includes(subject));
    expect(told.sort()).toEqual(['Branch A', 'Branch B', 'Joined']);
    await closeProject(system, projectId, org.rep);
  });
});
