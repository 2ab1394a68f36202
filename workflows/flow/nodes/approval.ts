import { z } from 'zod';
import { channelLabels, chatChannelIdSchema } from '../channel';
import { defineNode, inPort, requiredOutput, type OutputPort } from '../node-def';
import { approverRuleSchema } from '../people-rule';
import { messageSchema, messageTemplates, messageZhSchema, subjectSchema, subjectZhSchema } from './notify';
import { timeoutSchema } from './wait-for-ack';

export const approvalModes = ['any', 'all', 'sequence'] as const;
export const timeoutActions = ['approve', 'reject', 'escalate'] as const;
/** How approvers are asked; a webhook cannot carry a personal answer link, so it is not offered. */
export const approvalChannels = ['inbox', 'email'] as const;

export const approvalConfigSchema = z.strictObject({
  approvers: approverRuleSchema,
  mode: z.enum(approvalModes).meta({
    title: 'Who must approve',
    description: 'any: the first answer decides; all: everyone must approve; sequence: one after another, in order.',
  }),
  allowDelegation: z.boolean().meta({ title: 'Approvers may hand it to someone else' }),
  /** Optional so versions published before it existed still parse; none = the inbox. */
  channel: z
    .enum(approvalChannels)
    .optional()
    .meta({ title: 'Channel', description: `${channelLabels.email}: the request also goes by e-mail, with a link per answer. It is always in the inbox.` }),
  chatChannelId: chatChannelIdSchema.optional(),
  subject: subjectSchema,
  message: messageSchema,
  subjectZh: subjectZhSchema,
  messageZh: messageZhSchema,
  timeout: timeoutSchema,
  timeoutAction: z.enum(timeoutActions).meta({
    title: 'When time runs out',
    description: 'approve or reject decides on its own; escalate takes the "timed out" path.',
  }),
});
export type ApprovalConfig = z.infer<typeof approvalConfigSchema>;

export const approval = defineNode({
  kind: 'approval',
  label: 'Approval',
  help: 'Asks for a decision and waits for it. The flow goes on along "approved" or "rejected"; when time runs out it decides as configured or takes the "timed out" path.',
  icon: 'badge-check',
  category: 'people',
  config: approvalConfigSchema,
  defaults: {
    approvers: { kind: 'manager_chain', level: 1, fallback: { kind: 'project_owner' } },
    mode: 'any',
    allowDelegation: true,
    subject: 'Approval needed: {{project.name}}',
    message: 'Hello {{recipient.name}}, please approve or reject.',
    timeout: { amount: 2, unit: 'business_days' },
    timeoutAction: 'escalate',
  },
  inputs: [inPort],
  outputs: (config) => {
    const ports: OutputPort[] = [requiredOutput('approved', 'Approved'), requiredOutput('rejected', 'Rejected')];
    // Only an escalating timeout can leave through its own path; the others end as a decision.
    if (config.timeoutAction === 'escalate') ports.push(requiredOutput('timed_out', 'Timed out'));
    return ports;
  },
  portsNote: 'timed_out exists only when `timeoutAction` is escalate.',
  waits: true,
  provides: () => [
    { name: 'approval.decision', label: 'Decision (approved, rejected, timed_out)', type: 'text' },
    { name: 'approval.decidedBy.name', label: 'Decided by', type: 'text' },
    { name: 'approval.comment', label: 'Comment given with the decision', type: 'text' },
  ],
  uses: (config) => ({
    templates: messageTemplates(config),
    people: [{ field: 'approvers', rule: config.approvers }],
  }),
});
