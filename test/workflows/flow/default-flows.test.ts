import { describe, expect, it } from 'vitest';
import {
  checkPublishable,
  defaultFlows,
  flowDocumentSchema,
  milestoneMissEscalationFlow,
  outputPortsOf,
  planApprovalFlow,
  renderTemplate,
  targetChangeApprovalFlow,
  validateFlow,
} from '../../../workflows/flow';

describe('default published flows', () => {
  it.each(defaultFlows.map((doc) => [doc.name, doc] as const))('"%s" validates with no diagnostics', (_name, doc) => {
    expect(validateFlow(doc)).toEqual([]);
    expect(checkPublishable(doc)).toEqual({ ok: true, flow: flowDocumentSchema.parse(doc) });
  });

  it('names the three flows the issue asks for', () => {
    expect(defaultFlows.map((doc) => doc.name)).toEqual([
      'Milestone miss escalation (3 levels, 48 h to acknowledge)',
      'Plan approval (manager; director too when budget exceeds a threshold)',
      'Target change approval',
    ]);
  });

  it('escalates by looping through a 48-hour acknowledgement, three levels at most', () => {
    const ack = milestoneMissEscalationFlow.nodes.find((node) => node.kind === 'wait_for_ack');
    expect(ack?.kind === 'wait_for_ack' && ack.config.timeout).toEqual({ amount: 48, unit: 'hours' });
    const limit = milestoneMissEscalationFlow.nodes.find((node) => node.kind === 'condition');
    expect(limit?.kind === 'condition' && limit.config.rule).toEqual({ '<': [{ var: 'escalation.level' }, 3] });
    expect(milestoneMissEscalationFlow.edges).toContainEqual(expect.objectContaining({ source: 'more_levels', sourcePort: 'true', target: 'escalate' }));
  });

  it('ends the approval flows with approved or rejected, so the project learns the outcome', () => {
    for (const doc of [planApprovalFlow, targetChangeApprovalFlow]) {
      const results = doc.nodes.flatMap((node) => (node.kind === 'end' ? [node.config.result] : []));
      expect(results.sort()).toEqual(['approved', 'rejected']);
    }
  });

  it('asks the director only on the high-budget or timed-out paths of plan approval', () => {
    const intoDirector = planApprovalFlow.edges.filter((edge) => edge.target === 'director').map((edge) => `${edge.source}.${edge.sourcePort}`);
    expect(intoDirector.sort()).toEqual(['big_budget.true', 'manager.timed_out']);
  });

  it('connects every output of every step in the default flows', () => {
    for (const doc of defaultFlows) {
      for (const node of doc.nodes) {
        for (const port of outputPortsOf(node).filter((candidate) => candidate.required)) {
          expect(doc.edges.some((edge) => edge.source === node.id && edge.sourcePort === port.id)).toBe(true);
        }
      }
    }
  });

  it('words the plan approval’s counts so that a plan of one goal reads right (no "1 goals")', () => {
    const ask = planApprovalFlow.nodes.find((node) => node.id === 'manager');
    const message = String((ask?.config as { message?: unknown } | undefined)?.message);
    const said = renderTemplate(message, { recipient: { name: 'Wang' }, project: { name: 'East' }, plan: { submittedBy: { name: 'Li' }, goalCount: 1, milestoneCount: 1, budgetTotal: 0 } });
    expect(said).toContain('(goals: 1, milestones: 1, budget: 0)');
    expect(said).not.toMatch(/\b1 goals\b/);
  });
});
