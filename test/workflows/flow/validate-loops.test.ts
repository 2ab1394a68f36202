import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../workflows/flow';
import { edge, end, flow, node, notifyConfig, trigger, withCode } from './flow-builder';

const projectVar = { '>': [{ var: 'budget.overrunPct' }, 10] };

describe('validation: every loop waits', () => {
  it('accepts a loop that passes through a delay', () => {
    const doc = flow(
      [trigger(), node('nag', 'notify', notifyConfig('Still over budget')), node('pause', 'delay'), node('still', 'condition', { rule: projectVar }), end()],
      [edge('start', 'next', 'nag'), edge('nag', 'next', 'pause'), edge('pause', 'next', 'still'), edge('still', 'true', 'nag'), edge('still', 'false', 'end')],
    );
    expect(validateFlow(doc)).toEqual([]);
  });

  it('accepts a loop that passes through an acknowledgement wait or an approval', () => {
    const viaAck = flow(
      [trigger(), node('ack', 'wait_for_ack'), end()],
      [edge('start', 'next', 'ack'), edge('ack', 'timed_out', 'ack'), edge('ack', 'acknowledged', 'end')],
    );
    expect(withCode(validateFlow(viaAck), 'tight_loop')).toEqual([]);
    const viaApproval = flow(
      [trigger(), node('ok', 'approval'), node('tell', 'notify', notifyConfig('Try again')), end()],
      [edge('start', 'next', 'ok'), edge('ok', 'rejected', 'tell'), edge('tell', 'next', 'ok'), edge('ok', 'approved', 'end'), edge('ok', 'timed_out', 'end')],
    );
    expect(withCode(validateFlow(viaApproval), 'tight_loop')).toEqual([]);
  });

  it('refuses a loop without a waiting step and marks every step in it', () => {
    const doc = flow(
      [trigger(), node('nag', 'notify', notifyConfig('Spam'), 'Nag'), node('again', 'condition', { rule: projectVar }, 'Again?'), end()],
      [edge('start', 'next', 'nag'), edge('nag', 'next', 'again'), edge('again', 'true', 'nag'), edge('again', 'false', 'end')],
    );
    const found = withCode(validateFlow(doc), 'tight_loop');
    expect(found.map((d) => d.nodeId)).toEqual(['nag', 'again']);
    expect(found[0]?.message).toBe(
      'The step "Nag" (nag) is in a loop that never waits (steps "Nag" (nag), "Again?" (again)), so it would repeat without pause. ' +
        'Put a "Wait for acknowledgement", "Approval" or "Delay" step in the loop.',
    );
  });

  it('refuses a step that leads straight back to itself without waiting', () => {
    const doc = flow(
      [trigger(), node('again', 'condition', { rule: projectVar }), end()],
      [edge('start', 'next', 'again'), edge('again', 'true', 'again'), edge('again', 'false', 'end')],
    );
    const found = withCode(validateFlow(doc), 'tight_loop');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/it leads back to itself/);
  });

  it('finds a tight loop even when another loop around it waits', () => {
    const doc = flow(
      [trigger(), node('pause', 'delay'), node('a', 'condition', { rule: projectVar }), node('b', 'condition', { rule: projectVar }), end()],
      [
        edge('start', 'next', 'pause'),
        edge('pause', 'next', 'a'),
        edge('a', 'true', 'b'),
        edge('b', 'true', 'a'),
        edge('a', 'false', 'pause'),
        edge('b', 'false', 'end'),
      ],
    );
    expect(withCode(validateFlow(doc), 'tight_loop').map((d) => d.nodeId)).toEqual(['a', 'b']);
  });
});
