import type { FlowDocument } from '../../workflows/flow/graph-schema';

/**
 * The approval a sales company draws for an earned payout: the rep's manager decides (the owner's
 * manager, the rep owning their project), and above `financeAbove` finance decides too; either
 * may reject. Approvers answer in their inbox; nothing times out within a test.
 */
export function managerThenFinanceFlow(financeUserId: string, financeAbove: number): FlowDocument {
  const ask = (approvers: unknown, subject: string) => ({
    approvers,
    mode: 'any',
    allowDelegation: false,
    subject,
    message: '{{payout.member.name}} earned {{payout.amount}} ({{payout.attainmentPct}} % of quota). Approve?',
    timeout: { amount: 5, unit: 'days' },
    timeoutAction: 'reject',
  });
  const at = (x: number) => ({ x, y: 0 });
  return {
    schemaVersion: 1,
    name: 'Incentive payout: manager, then finance above an amount',
    nodes: [
      { id: 'start', kind: 'trigger', config: { event: 'incentive_earned' }, position: at(0) },
      { id: 'manager', kind: 'approval', config: ask({ kind: 'manager_chain', level: 1, fallback: { kind: 'project_owner' } }, 'Incentive for {{payout.member.name}}: {{payout.amount}}'), position: at(200) },
      { id: 'large', kind: 'condition', config: { rule: { '>': [{ var: 'payout.amount' }, financeAbove] } }, position: at(400) },
      { id: 'finance', kind: 'approval', config: ask({ kind: 'users', userIds: [financeUserId] }, 'Finance: incentive of {{payout.amount}}'), position: at(600) },
      { id: 'approved', kind: 'end', config: { result: 'approved' }, position: at(800) },
      { id: 'rejected', kind: 'end', config: { result: 'rejected' }, position: at(800) },
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'next', target: 'manager', targetPort: 'in' },
      { id: 'e2', source: 'manager', sourcePort: 'approved', target: 'large', targetPort: 'in' },
      { id: 'e3', source: 'manager', sourcePort: 'rejected', target: 'rejected', targetPort: 'in' },
      { id: 'e4', source: 'large', sourcePort: 'true', target: 'finance', targetPort: 'in' },
      { id: 'e5', source: 'large', sourcePort: 'false', target: 'approved', targetPort: 'in' },
      { id: 'e6', source: 'finance', sourcePort: 'approved', target: 'approved', targetPort: 'in' },
      { id: 'e7', source: 'finance', sourcePort: 'rejected', target: 'rejected', targetPort: 'in' },
    ],
  } as FlowDocument;
}
