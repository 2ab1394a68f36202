import type { FlowDocument } from '../../workflows/flow/graph-schema';

/** Small flow documents for tests that run the same flow on the engine and in a test run. */

type DocNode = FlowDocument['nodes'][number];
type NodeSpec = Omit<DocNode, 'position'> & { position?: DocNode['position'] };

export function document(name: string, nodes: NodeSpec[], edges: [source: string, port: string, target: string][]): FlowDocument {
  return {
    schemaVersion: 1,
    name,
    nodes: nodes.map((node, index) => ({ position: { x: index * 200, y: 0 }, ...node }) as DocNode),
    edges: edges.map(([source, sourcePort, target], index) => ({ id: `e${index + 1}`, source, sourcePort, target, targetPort: 'in' })),
  };
}

export const tellOwner = (id: string, subject: string): NodeSpec => ({
  id,
  kind: 'notify',
  config: { recipient: { kind: 'project_owner' }, channel: 'inbox', subject, message: 'Hello {{recipient.name}}.' },
});

type Duration = Extract<DocNode, { kind: 'wait_for_ack' }>['config']['timeout'];

/** The step `ack`: the owner's manager (else the owner) must acknowledge within `timeout`. */
export const managerAcknowledges = (timeout: Duration): NodeSpec => ({
  id: 'ack',
  kind: 'wait_for_ack',
  config: {
    recipient: { kind: 'owner_manager', fallback: { kind: 'project_owner' } },
    channel: 'inbox',
    subject: 'Please acknowledge {{project.name}}',
    message: 'Hello {{recipient.name}}.',
    timeout,
  },
});

export const endWith = (id: string, result: 'done' | 'approved' | 'rejected'): NodeSpec => ({ id, kind: 'end', config: { result } });

type Approval = Extract<DocNode, { kind: 'approval' }>['config'];

/**
 * The approval step `decide`, asking the users `approverIds` for a decision ("Approve
 * {{project.name}}" unless `subject` says otherwise) within a day unless `timeout` says otherwise.
 */
export function decideBy(
  approverIds: string[],
  { mode, allowDelegation, timeoutAction, channel, subject = 'Approve {{project.name}}', message = 'Please decide, {{recipient.name}}.', subjectZh, messageZh, timeout = { amount: 1, unit: 'days' } }: Pick<Approval, 'mode' | 'allowDelegation' | 'timeoutAction'> &
    Partial<Pick<Approval, 'channel' | 'subject' | 'message' | 'subjectZh' | 'messageZh' | 'timeout'>>,
): NodeSpec {
  return {
    id: 'decide',
    kind: 'approval',
    config: { approvers: { kind: 'users', userIds: approverIds }, mode, allowDelegation, ...(channel ? { channel } : {}), subject, message, ...(subjectZh ? { subjectZh } : {}), ...(messageZh ? { messageZh } : {}), timeout, timeoutAction },
  };
}

/** The trigger most test flows start with, as node `start`. */
export const onPlanSubmitted = (): NodeSpec => ({ id: 'start', kind: 'trigger', config: { event: 'plan_submitted' } });

/** plan_submitted → each step in turn, through its `next` port → an `approved` end named `done`. */
export function inTurn(name: string, steps: NodeSpec[]): FlowDocument {
  const ids = ['start', ...steps.map((step) => step.id), 'done'];
  return document(name, [onPlanSubmitted(), ...steps, endWith('done', 'approved')], ids.slice(1).map((id, index) => [ids[index]!, 'next', id]));
}

/** plan_submitted → two approvers one after the other → a note to the owner → approved / rejected. */
export function sequentialApproval(approverIds: string[], timeoutSeconds: number): FlowDocument {
  return document(
    'Two approvers in turn',
    [
      onPlanSubmitted(),
      decideBy(approverIds, { mode: 'sequence', allowDelegation: false, timeout: { amount: timeoutSeconds, unit: 'seconds' }, timeoutAction: 'escalate' }),
      tellOwner('tell_approved', 'Approved: {{project.name}}'),
      tellOwner('tell_rejected', 'Rejected by {{approval.decidedBy.name}}'),
      endWith('approved', 'approved'),
      endWith('rejected', 'rejected'),
      endWith('late', 'rejected'),
    ],
    [
      ['start', 'next', 'decide'],
      ['decide', 'approved', 'tell_approved'],
      ['decide', 'rejected', 'tell_rejected'],
      ['decide', 'timed_out', 'late'],
      ['tell_approved', 'next', 'approved'],
      ['tell_rejected', 'next', 'rejected'],
    ],
  );
}

/**
 * plan_submitted → split in two (a note; a condition marking the project at risk) → join → a short
 * delay → a task → the owner's manager must acknowledge in time, else an escalation and a note to
 * whoever it reached.
 */
export function branchesThenAcknowledgement(ackSeconds: number): FlowDocument {
  return document(
    'Branches, then an acknowledgement',
    [
      onPlanSubmitted(),
      { id: 'split', kind: 'parallel_split', config: { branches: 2 } },
      tellOwner('tell', 'Branch one for {{project.name}}'),
      { id: 'check', kind: 'condition', config: { rule: { '==': [1, 1] } } },
      { id: 'mark', kind: 'set_status', config: { status: 'at_risk', reason: 'Test of {{project.name}}' } },
      endWith('no_mark', 'done'),
      { id: 'join', kind: 'parallel_join', config: {} },
      { id: 'pause', kind: 'delay', config: { duration: { amount: 1, unit: 'seconds' } } },
      {
        id: 'task',
        kind: 'create_task',
        config: { title: 'Follow up {{project.name}}', assignee: { kind: 'project_owner' }, dueIn: { amount: 2, unit: 'days' } },
      },
      managerAcknowledges({ amount: ackSeconds, unit: 'seconds' }),
      { id: 'up', kind: 'escalate', config: {} },
      {
        id: 'tell_up',
        kind: 'notify',
        config: { recipient: { kind: 'escalation_recipient', fallback: { kind: 'project_owner' } }, channel: 'inbox', subject: 'Escalated: {{project.name}}', message: 'Hello {{recipient.name}}.' },
      },
      endWith('seen', 'approved'),
      endWith('escalated', 'rejected'),
      endWith('top', 'rejected'),
    ],
    [
      ['start', 'next', 'split'],
      ['split', 'branch_1', 'tell'],
      ['split', 'branch_2', 'check'],
      ['tell', 'next', 'join'],
      ['check', 'true', 'mark'],
      ['check', 'false', 'no_mark'],
      ['mark', 'next', 'join'],
      ['join', 'next', 'pause'],
      ['pause', 'next', 'task'],
      ['task', 'next', 'ack'],
      ['ack', 'acknowledged', 'seen'],
      ['ack', 'timed_out', 'up'],
      ['up', 'next', 'tell_up'],
      ['up', 'top_reached', 'top'],
      ['tell_up', 'next', 'escalated'],
    ],
  );
}

/** plan_submitted → three branches, one of which ends early → the join goes on once → a note. */
export function branchEndsEarly(): FlowDocument {
  return document(
    'A branch ends early',
    [
      onPlanSubmitted(),
      { id: 'split', kind: 'parallel_split', config: { branches: 3 } },
      tellOwner('one', 'One for {{project.name}}'),
      tellOwner('two', 'Two for {{project.name}}'),
      endWith('early', 'done'),
      { id: 'join', kind: 'parallel_join', config: {} },
      tellOwner('after', 'Joined for {{project.name}}'),
      endWith('approved', 'approved'),
    ],
    [
      ['start', 'next', 'split'],
      ['split', 'branch_1', 'one'],
      ['split', 'branch_2', 'two'],
      ['split', 'branch_3', 'early'],
      ['one', 'next', 'join'],
      ['two', 'next', 'join'],
      ['join', 'next', 'after'],
      ['after', 'next', 'approved'],
    ],
  );
}

/**
 * plan_submitted → one person approves → approved / rejected ends (no answer in time = rejected).
 * Edges e1 (into the approval), e2 (approved), e3 (rejected).
 */
export function singleApproval(
  approverId: string,
  { name = 'One approval', ...asked }: { name?: string } & Partial<Pick<Approval, 'channel' | 'subject' | 'message' | 'subjectZh' | 'messageZh' | 'timeout'>> = {},
): FlowDocument {
  return document(
    name,
    [
      { ...onPlanSubmitted(), position: { x: 0, y: 0 } },
      { ...decideBy([approverId], { mode: 'any', allowDelegation: false, timeoutAction: 'reject', ...asked }), position: { x: 300, y: 0 } },
      { ...endWith('approved', 'approved'), position: { x: 600, y: 0 } },
      { ...endWith('rejected', 'rejected'), position: { x: 600, y: 220 } },
    ],
    [
      ['start', 'next', 'decide'],
      ['decide', 'approved', 'approved'],
      ['decide', 'rejected', 'rejected'],
    ],
  );
}
