import type { FlowDocument } from './graph-schema';

/**
 * The flows Milepost publishes on a fresh install, replacing the hard-coded escalation and plan
 * approval. Pure data: seeding publishes them like any flow drawn in the designer.
 */

function at(column: number, row: number): { x: number; y: number } {
  return { x: column * 280, y: row * 160 };
}

function edge(source: string, sourcePort: string, target: string): FlowDocument['edges'][number] {
  return { id: `${source}-${sourcePort}-${target}`, source, sourcePort, target, targetPort: 'in' };
}

type FlowNode = FlowDocument['nodes'][number];

/** The trigger every default flow starts from, in the first column. */
function trigger(id: string, event: 'milestone_missed' | 'plan_submitted' | 'change_requested'): FlowNode {
  return { id, kind: 'trigger', config: { event }, position: at(0, 0) };
}
/** A step's subject and message, in English and in Chinese (each person gets theirs). */
type Texts = { subject: string; message: string; subjectZh: string; messageZh: string };

/** An approval by the manager `level` steps above the owner (the owner when there is none). */
function managerApproval(
  id: string,
  label: string,
  level: number,
  texts: Texts,
  timeout: { days: number; then: 'escalate' | 'reject' },
  position: { x: number; y: number },
): FlowNode {
  return {
    id,
    kind: 'approval',
    label,
    config: {
      approvers: { kind: 'manager_chain', level, fallback: { kind: 'project_owner' } },
      mode: 'any',
      allowDelegation: true,
      ...texts,
      timeout: { amount: timeout.days, unit: 'business_days' },
      timeoutAction: timeout.then,
    },
    position,
  };
}

/** An inbox message to the project owner. */
function tellOwner(id: string, label: string, texts: Texts, position: { x: number; y: number }): FlowNode {
  return { id, kind: 'notify', label, config: { recipient: { kind: 'project_owner' }, channel: 'inbox', ...texts }, position };
}

/**
 * How an approval flow finishes: the owner is told the verdict (`tell_approved` / `tell_rejected`
 * in `column`), then the flow reaches the end of that name, which reports it to the lifecycle.
 */
function verdictToOwner(column: number, approved: Texts, rejected: Texts): FlowNode[] {
  return [
    tellOwner('tell_approved', 'Tell the owner: approved', approved, at(column, 0)),
    tellOwner('tell_rejected', 'Tell the owner: rejected', rejected, at(column, 2)),
    { id: 'approved', kind: 'end', config: { result: 'approved' }, position: at(column + 1, 0) },
    { id: 'rejected', kind: 'end', config: { result: 'rejected' }, position: at(column + 1, 2) },
  ];
}

/** An approval step's answers: a rejection goes to the note to the owner; an approval to `approvedTo`. */
function answers(approval: string, approvedTo = 'tell_approved'): FlowDocument['edges'] {
  return [edge(approval, 'approved', approvedTo), edge(approval, 'rejected', 'tell_rejected')];
}

/** The last edges of an approval flow: from each note to the owner to its end. */
const verdictEdges = (): FlowDocument['edges'] => [edge('tell_approved', 'next', 'approved'), edge('tell_rejected', 'next', 'rejected')];

export const escalationAckHours = 48;
export const escalationLevels = 3;

export const milestoneMissEscalationFlow: FlowDocument = {
  schemaVersion: 1,
  name: 'Milestone miss escalation (3 levels, 48 h to acknowledge)',
  nodes: [
    trigger('missed', 'milestone_missed'),
    { id: 'escalate', kind: 'escalate', label: 'One level up', config: {}, position: at(1, 0) },
    {
      id: 'ack',
      kind: 'wait_for_ack',
      label: 'Acknowledge within 48 h',
      config: {
        recipient: { kind: 'escalation_recipient' },
        channel: 'inbox',
        subject: 'Milestone missed: {{milestone.name}} ({{project.name}})',
        message:
          'Hello {{recipient.name}}, the milestone "{{milestone.name}}" of {{project.name}} was missed: ' +
          '{{milestone.actual}} of {{milestone.target}} {{milestone.metric}} ({{milestone.attainmentPct}} %), ' +
          '{{milestone.daysOverdue}} days overdue. The project owner is {{project.owner.name}}. ' +
          'This is escalation level {{escalation.level}}; please acknowledge within 48 hours, ' +
          'or it goes one level higher.',
        subjectZh: '里程碑未达成：{{milestone.name}}（{{project.name}}）',
        messageZh:
          '{{recipient.name}}，您好：{{project.name}} 的里程碑“{{milestone.name}}”未达成：' +
          '{{milestone.actual}} / {{milestone.target}} {{milestone.metric}}（{{milestone.attainmentPct}}%），' +
          '已逾期 {{milestone.daysOverdue}} 天。项目负责人是 {{project.owner.name}}。' +
          '这是第 {{escalation.level}} 级升级；请在 48 小时内确认，否则将再升级一级。',
        timeout: { amount: escalationAckHours, unit: 'hours' },
      },
      position: at(2, 0),
    },
    {
      id: 'more_levels',
      kind: 'condition',
      label: `Fewer than ${escalationLevels} levels so far?`,
      config: { rule: { '<': [{ var: 'escalation.level' }, escalationLevels] } },
      position: at(3, 1),
    },
    {
      id: 'tell_owner',
      kind: 'notify',
      label: 'Tell the owner nobody acknowledged',
      config: {
        recipient: { kind: 'project_owner' },
        channel: 'inbox',
        subject: 'Escalation unanswered: {{milestone.name}}',
        message:
          'Hello {{recipient.name}}, the missed milestone "{{milestone.name}}" of {{project.name}} was escalated ' +
          'as far as it goes and nobody acknowledged it.',
        subjectZh: '升级无人确认：{{milestone.name}}',
        messageZh: '{{recipient.name}}，您好：{{project.name}} 未达成的里程碑“{{milestone.name}}”已升级到最高一级，仍无人确认。',
      },
      position: at(4, 1),
    },
    { id: 'acknowledged', kind: 'end', config: { result: 'done' }, position: at(3, 0) },
    { id: 'unanswered', kind: 'end', config: { result: 'done' }, position: at(5, 1) },
  ],
  edges: [
    edge('missed', 'next', 'escalate'),
    edge('escalate', 'next', 'ack'),
    edge('escalate', 'top_reached', 'tell_owner'),
    edge('ack', 'acknowledged', 'acknowledged'),
    edge('ack', 'timed_out', 'more_levels'),
    edge('more_levels', 'true', 'escalate'),
    edge('more_levels', 'false', 'tell_owner'),
    edge('tell_owner', 'next', 'unanswered'),
  ],
};

/** Plans whose total budget is above this also need the director (two levels up). */
export const directorBudgetThreshold = 100_000;

const approvalTexts = {
  subject: 'Plan to approve: {{project.name}}',
  message:
    'Hello {{recipient.name}}, {{plan.submittedBy.name}} submitted the plan of {{project.name}} ' +
    // Counts after a colon: a template has no plural ("1 goals").
    '(goals: {{plan.goalCount}}, milestones: {{plan.milestoneCount}}, budget: {{plan.budgetTotal}}). ' +
    'Please approve it or reject it with a reason.',
  subjectZh: '待审批的计划：{{project.name}}',
  messageZh:
    '{{recipient.name}}，您好：{{plan.submittedBy.name}} 提交了 {{project.name}} 的计划' +
    '（{{plan.goalCount}} 个目标，{{plan.milestoneCount}} 个里程碑，预算 {{plan.budgetTotal}}）。' +
    '请批准，或说明原因后驳回。',
};

export const planApprovalFlow: FlowDocument = {
  schemaVersion: 1,
  name: 'Plan approval (manager; director too when budget exceeds a threshold)',
  nodes: [
    trigger('submitted', 'plan_submitted'),
    // Whoever has no manager is the top of the chart: their own plan needs nobody above them.
    managerApproval('manager', 'Manager approves', 1, approvalTexts, { days: 3, then: 'escalate' }, at(1, 0)),
    {
      id: 'big_budget',
      kind: 'condition',
      label: 'Budget above the threshold?',
      config: { rule: { '>': [{ var: 'plan.budgetTotal' }, directorBudgetThreshold] } },
      position: at(2, 0),
    },
    // Nobody above the director to ask: an unanswered plan goes back to planning.
    managerApproval('director', 'Director approves', 2, approvalTexts, { days: 3, then: 'reject' }, at(3, 1)),
    ...verdictToOwner(
      4,
      {
        subject: 'Plan approved: {{project.name}}',
        message: 'Hello {{recipient.name}}, the plan of {{project.name}} was approved by {{approval.decidedBy.name}}.',
        subjectZh: '计划已批准：{{project.name}}',
        messageZh: '{{recipient.name}}，您好：{{project.name}} 的计划已由 {{approval.decidedBy.name}} 批准。',
      },
      {
        subject: 'Plan sent back: {{project.name}}',
        message:
          'Hello {{recipient.name}}, the plan of {{project.name}} was not approved ({{approval.decision}}). ' +
          'Reason: {{approval.comment}}',
        subjectZh: '计划被退回：{{project.name}}',
        messageZh: '{{recipient.name}}，您好：{{project.name}} 的计划未获批准（{{approval.decision}}）。原因：{{approval.comment}}',
      },
    ),
  ],
  edges: [
    edge('submitted', 'next', 'manager'),
    ...answers('manager', 'big_budget'),
    // The manager did not answer in time: the director decides instead.
    edge('manager', 'timed_out', 'director'),
    edge('big_budget', 'true', 'director'),
    edge('big_budget', 'false', 'tell_approved'),
    ...answers('director'),
    ...verdictEdges(),
  ],
};

const changeTexts = {
  subject: 'Change to approve: {{change.subject}} ({{project.name}})',
  message:
    'Hello {{recipient.name}}, {{change.requestedBy.name}} asks to change the {{change.field}} of ' +
    '{{change.subject}} in {{project.name}} from {{change.before}} to {{change.after}}. ' +
    'Reason: {{change.reason}}',
  subjectZh: '待审批的变更：{{change.subject}}（{{project.name}}）',
  messageZh:
    '{{recipient.name}}，您好：{{change.requestedBy.name}} 申请将 {{project.name}} 中 {{change.subject}} 的 {{change.field}} ' +
    '从 {{change.before}} 改为 {{change.after}}。原因：{{change.reason}}',
};

export const targetChangeApprovalFlow: FlowDocument = {
  schemaVersion: 1,
  name: 'Target change approval',
  nodes: [
    trigger('requested', 'change_requested'),
    managerApproval('manager', 'Manager approves', 1, changeTexts, { days: 2, then: 'escalate' }, at(1, 0)),
    managerApproval('next_manager', 'Next manager up approves', 2, changeTexts, { days: 2, then: 'reject' }, at(2, 1)),
    ...verdictToOwner(
      3,
      {
        subject: 'Change approved: {{change.subject}}',
        message:
          'Hello {{recipient.name}}, the change of {{change.field}} of {{change.subject}} ' +
          'from {{change.before}} to {{change.after}} was approved by {{approval.decidedBy.name}}.',
        subjectZh: '变更已批准：{{change.subject}}',
        messageZh: '{{recipient.name}}，您好：{{change.subject}} 的 {{change.field}} 从 {{change.before}} 改为 {{change.after}} 的变更已由 {{approval.decidedBy.name}} 批准。',
      },
      {
        subject: 'Change not approved: {{change.subject}}',
        message:
          'Hello {{recipient.name}}, the change of {{change.field}} of {{change.subject}} was not approved ' +
          '({{approval.decision}}). Reason: {{approval.comment}}',
        subjectZh: '变更未获批准：{{change.subject}}',
        messageZh: '{{recipient.name}}，您好：{{change.subject}} 的 {{change.field}} 变更未获批准（{{approval.decision}}）。原因：{{approval.comment}}',
      },
    ),
  ],
  edges: [
    edge('requested', 'next', 'manager'),
    ...answers('manager'),
    edge('manager', 'timed_out', 'next_manager'),
    ...answers('next_manager'),
    ...verdictEdges(),
  ],
};

export const defaultFlows: readonly FlowDocument[] = [
  milestoneMissEscalationFlow,
  planApprovalFlow,
  targetChangeApprovalFlow,
];
