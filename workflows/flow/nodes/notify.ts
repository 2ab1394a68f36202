import { z } from 'zod';
import { channelSchema, chatChannelIdSchema } from '../channel';
import { recipientVariables } from '../context-variables';
import { defineNode, inPort, requiredOutput } from '../node-def';
import { recipientRuleSchema } from '../people-rule';
import { webAddressSchema } from '../web-address';

export const subjectSchema = z.string().min(1).max(200).meta({ title: 'Subject' });
export const messageSchema = z
  .string()
  .min(1)
  .max(4000)
  .meta({ title: 'Message', description: 'Text with {{variable}} placeholders filled from the context.' });

export const notifyConfigSchema = z
  .strictObject({
    recipient: recipientRuleSchema,
    channel: channelSchema,
    webhookUrl: webAddressSchema.optional().meta({ title: 'Webhook address' }),
    chatChannelId: chatChannelIdSchema.optional(),
    subject: subjectSchema,
    message: messageSchema,
  })
  .superRefine((config, ctx) => {
    if (config.channel === 'webhook' && config.webhookUrl === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['webhookUrl'],
        message: 'A notification sent by webhook needs the web address to send it to.',
      });
    }
  });
export type NotifyConfig = z.infer<typeof notifyConfigSchema>;

export const notify = defineNode({
  kind: 'notify',
  label: 'Notify',
  help: 'Sends a message to a person or group and goes on at once, without waiting for an answer.',
  icon: 'send',
  category: 'people',
  config: notifyConfigSchema,
  defaults: {
    recipient: { kind: 'project_owner' },
    channel: 'inbox',
    subject: '{{project.name}}',
    message: 'Hello {{recipient.name}}, there is news on {{project.name}}.',
  },
  inputs: [inPort],
  outputs: () => [requiredOutput('next', 'Then')],
  waits: false,
  uses: (config) => ({
    templates: [
      { field: 'subject', text: config.subject, alsoKnown: recipientVariables },
      { field: 'message', text: config.message, alsoKnown: recipientVariables },
      ...(config.webhookUrl === undefined ? [] : [{ field: 'webhookUrl', text: config.webhookUrl }]),
    ],
    people: [{ field: 'recipient', rule: config.recipient }],
  }),
});
