import { describe, expect, it } from 'vitest';
import { validateFlow, type PeopleRule } from '../../../workflows/flow';
import { edge, end, flow, node, notifyConfig, someTeamId, someUserId, trigger, withCode } from './flow-builder';

function notifying(recipient: unknown) {
  return flow(
    [trigger(), node('tell', 'notify', notifyConfig('Hi', recipient), 'Tell them'), end()],
    [edge('start', 'next', 'tell'), edge('tell', 'next', 'end')],
  );
}

describe('validation: people rules that may find nobody name a fallback', () => {
  it('accepts rules that always find someone: the owner, a named person, the escalation recipient', () => {
    expect(validateFlow(notifying({ kind: 'project_owner' }))).toEqual([]);
    expect(validateFlow(notifying({ kind: 'user', userId: someUserId }))).toEqual([]);
  });

  it('accepts a role, team or manager level that names a fallback', () => {
    expect(validateFlow(notifying({ kind: 'role', role: 'sales_director', fallback: { kind: 'user', userId: someUserId } }))).toEqual([]);
    expect(validateFlow(notifying({ kind: 'manager_levels_up', levels: 3, fallback: { kind: 'project_owner' } }))).toEqual([]);
  });

  it('refuses a role without a fallback and says what to do', () => {
    expect(validateFlow(notifying({ kind: 'role', role: 'sales_director' }))).toMatchObject([
      {
        nodeId: 'tell',
        field: 'recipient',
        code: 'needs_fallback',
        message:
          'In step "Tell them" (tell), "Recipient" (recipient) is everyone with the role "sales_director", which may turn out to be nobody for some projects. Choose who takes over if nobody is found.',
      },
    ]);
  });

  it('refuses a team or a manager level without a fallback, and approvers too', () => {
    expect(withCode(validateFlow(notifying({ kind: 'team', teamId: someTeamId })), 'needs_fallback')).toHaveLength(1);
    expect(withCode(validateFlow(notifying({ kind: 'owner_manager' })), 'needs_fallback')).toHaveLength(1);
    const approval = flow(
      [trigger(), node('ok', 'approval', { ...baseApproval(), approvers: { kind: 'manager_chain', level: 2 } }), end()],
      [edge('start', 'next', 'ok'), edge('ok', 'approved', 'end'), edge('ok', 'rejected', 'end'), edge('ok', 'timed_out', 'end')],
    );
    expect(withCode(validateFlow(approval), 'needs_fallback')).toMatchObject([{ nodeId: 'ok', field: 'approvers' }]);
  });

  it('lets the caller vouch that a rule always resolves, or that a named person may not', () => {
    const seen: { rule: PeopleRule; nodeId: string }[] = [];
    const vouch = (rule: PeopleRule, where: { nodeId: string }) => {
      seen.push({ rule, nodeId: where.nodeId });
      return rule.kind === 'role' ? true : undefined;
    };
    expect(validateFlow(notifying({ kind: 'role', role: 'sales_director' }), { resolvesToSomeone: vouch })).toEqual([]);
    expect(seen).toEqual([{ rule: { kind: 'role', role: 'sales_director' }, nodeId: 'tell' }]);
    const inactive = validateFlow(notifying({ kind: 'user', userId: someUserId }), { resolvesToSomeone: () => false });
    expect(withCode(inactive, 'needs_fallback')).toHaveLength(1);
  });
});

function baseApproval(): Record<string, unknown> {
  return {
    mode: 'any',
    allowDelegation: false,
    subject: 'Approve',
    message: 'Approve?',
    timeout: { amount: 1, unit: 'days' },
    timeoutAction: 'escalate',
  };
}
