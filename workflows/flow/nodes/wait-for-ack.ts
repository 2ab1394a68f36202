import { z } from 'zod';
import { channelSchema, chatChannelIdSchema } from '../channel';
import { durationSchema } from '../duration';
import { defineNode, inPort, requiredOutput } from '../node-def';
import { recipientRuleSchema } from '../people-rule';
import { messageSchema, messageTemplates, messageZhSchema, subjectSchema, subjectZhSchema } from './notify';

export const timeoutSchema = durationSchema.meta({
  title: 'Timeout',
  description: 'How long people have before the flow takes the timed-out path.',
});

export const waitForAckConfigSchema = z.strictObject({
  recipient: recipientRuleSchema,
  channel: channelSchema,
  chatChannelId: chatChannelIdSchema.optional(),
  subject: subjectSchema,
  message: messageSchema,
  subjectZh: subjectZhSchema,
  messageZh: messageZhSchema,
  timeout: timeoutSchema,
});
export type WaitForAckConfig = z.infer<typeof waitForAckConfigSchema>;

export const waitForAck = defineNode({
  kind: 'wait_for_ack',
  label: 'Wait for acknowledgement',
  help: 'Asks a person to confirm they have seen something and waits. If nobody confirms in time, the flow takes the "timed out" path.',
  icon: 'hand',
  category: 'people',
  config: waitForAckConfigSchema,
  defaults: {
    recipient: { kind: 'owner_manager', fallback: { kind: 'project_owner' } },
    channel: 'inbox',
    subject: 'Please acknowledge: {{project.name}}',
    message: 'Hello {{recipient.name}}, please acknowledge that you have seen this.',
    timeout: { amount: 48, unit: 'hours' },
  },
  inputs: [inPort],
  outputs: () => [requiredOutput('acknowledged', 'Acknowledged'), requiredOutput('timed_out', 'Timed out')],
  waits: true,
  uses: (config) => ({
    templates: messageTemplates(config),
    people: [{ field: 'recipient', rule: config.recipient }],
  }),
});
