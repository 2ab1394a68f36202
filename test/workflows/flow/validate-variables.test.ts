import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../workflows/flow';
import { edge, end, flow, node, notifyConfig, trigger, withCode } from './flow-builder';

function linear(event: string, message: string) {
  return flow(
    [trigger('start', event), node('tell', 'notify', notifyConfig(message)), end()],
    [edge('start', 'next', 'tell'), edge('tell', 'next', 'end')],
  );
}

describe('validation: referenced variables exist for the trigger', () => {
  it('accepts variables the trigger provides, project variables and the recipient name', () => {
    const message = '{{recipient.name}}: {{milestone.name}} is {{milestone.daysOverdue}} days late on {{project.name}}.';
    expect(validateFlow(linear('milestone_missed', message))).toEqual([]);
  });

  it('refuses a variable another event provides, and says which event does', () => {
    const found = validateFlow(linear('plan_submitted', 'Late by {{milestone.daysOverdue}} days'));
    expect(found).toMatchObject([
      {
        nodeId: 'tell',
        field: 'message',
        code: 'unknown_variable',
        message:
          'In step "Notify" (tell), "Message" (message) uses {{milestone.daysOverdue}}, which a flow started by "Plan submitted" does not have (only "Milestone missed" provides it).',
      },
    ]);
  });

  it('refuses a variable that does not exist at all', () => {
    const found = withCode(validateFlow(linear('milestone_missed', '{{milestone.nmae}}')), 'unknown_variable');
    expect(found[0]?.message).toMatch(/uses \{\{milestone\.nmae\}\}, which does not exist\./);
  });

  it('checks variables in condition rules', () => {
    const doc = (rule: unknown) =>
      flow(
        [trigger('start', 'kpi_threshold_crossed'), node('cond', 'condition', { rule }), end('a'), end('b')],
        [edge('start', 'next', 'cond'), edge('cond', 'true', 'a'), edge('cond', 'false', 'b')],
      );
    const defaults = { event: 'kpi_threshold_crossed', metric: 'revenue', direction: 'below', threshold: 5 };
    const withTrigger = (rule: unknown) => {
      const built = doc(rule);
      built.nodes[0] = node('start', 'trigger', defaults);
      return built;
    };
    expect(validateFlow(withTrigger({ '<': [{ var: 'kpi.value' }, 100] }))).toEqual([]);
    const found = validateFlow(withTrigger({ '<': [{ var: 'milestone.attainmentPct' }, 80] }));
    expect(found).toMatchObject([{ nodeId: 'cond', field: 'rule', code: 'unknown_variable' }]);
    expect(found[0]?.message).toMatch(/"Rule" \(rule\) uses "milestone\.attainmentPct"/);
  });

  it('accepts a variable set by a step that every path passes', () => {
    const doc = flow(
      [trigger(), node('ok', 'approval'), node('tell', 'notify', notifyConfig('Decision: {{approval.decision}}')), end()],
      [edge('start', 'next', 'ok'), edge('ok', 'approved', 'tell'), edge('ok', 'rejected', 'tell'), edge('ok', 'timed_out', 'tell'), edge('tell', 'next', 'end')],
    );
    expect(validateFlow(doc)).toEqual([]);
  });

  it('refuses a variable set by a step that only some paths pass', () => {
    const doc = flow(
      [
        trigger(),
        node('cond', 'condition'),
        node('ok', 'approval'),
        node('tell', 'notify', notifyConfig('Comment: {{approval.comment}}')),
        end(),
      ],
      [
        edge('start', 'next', 'cond'),
        edge('cond', 'true', 'ok'),
        edge('cond', 'false', 'tell'),
        edge('ok', 'approved', 'tell'),
        edge('ok', 'rejected', 'tell'),
        edge('ok', 'timed_out', 'tell'),
        edge('tell', 'next', 'end'),
      ],
    );
    expect(validateFlow(doc)).toMatchObject([
      {
        nodeId: 'tell',
        field: 'message',
        code: 'variable_not_yet_set',
        message:
          'In step "Notify" (tell), "Message" (message) uses {{approval.comment}}, which only exists after an "Approval" step, and not every path to this step passes one.',
      },
    ]);
  });

  it('knows after a parallel join what any of its branches set', () => {
    const doc = flow(
      [
        trigger(),
        node('split', 'parallel_split', { branches: 2 }),
        node('task', 'create_task'),
        node('pause', 'delay'),
        node('join', 'parallel_join'),
        node('tell', 'notify', notifyConfig('Task {{task.title}} created')),
        end(),
      ],
      [
        edge('start', 'next', 'split'),
        edge('split', 'branch_1', 'task'),
        edge('split', 'branch_2', 'pause'),
        edge('task', 'next', 'join'),
        edge('pause', 'next', 'join'),
        edge('join', 'next', 'tell'),
        edge('tell', 'next', 'end'),
      ],
    );
    expect(validateFlow(doc)).toEqual([]);
  });

  it('refuses a wait addressed to the escalation recipient when no escalation came before', () => {
    const doc = flow(
      [trigger(), node('ack', 'wait_for_ack', { ...waitConfig(), recipient: { kind: 'escalation_recipient' } }), end('a'), end('b')],
      [edge('start', 'next', 'ack'), edge('ack', 'acknowledged', 'a'), edge('ack', 'timed_out', 'b')],
    );
    expect(validateFlow(doc)).toMatchObject([{ nodeId: 'ack', field: 'recipient', code: 'variable_not_yet_set' }]);
  });

  it('refuses a malformed placeholder with a sentence saying how to write one', () => {
    const found = withCode(validateFlow(linear('milestone_missed', 'Hi {{ }} and {{project.name}')), 'invalid_template');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/^In step "Notify" \(tell\), "Message" \(message\): It contains an empty placeholder/);
  });
});

function waitConfig(): Record<string, unknown> {
  return {
    recipient: { kind: 'project_owner' },
    channel: 'inbox',
    subject: 'Please acknowledge',
    message: 'Please acknowledge',
    timeout: { amount: 1, unit: 'days' },
  };
}
