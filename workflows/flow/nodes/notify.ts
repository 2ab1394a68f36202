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

/**
 * The same subject and message in Chinese, for people who read Chinese (users.language); without
 * them everybody gets the ones above. Optional, so versions published before them still parse.
 */
export const subjectZhSchema = z.string().min(1).max(200).optional().meta({ title: 'Subject (Chinese)', description: 'What people who read Chinese get, with the same {{variable}} placeholders; without it, the subject above.' });
export const messageZhSchema = z
  .string()
  .min(1)
  .max(4000)
  .optional()
  .meta({ title: 'Message (Chinese)', description: 'What people who read Chinese get, with the same {{variable}} placeholders; without it, the message above.' });

/** The templates of a message step, its Chinese ones too when it has them, for validation and the designer's variable check. */
export function messageTemplates(config: { subject: string; message: string; subjectZh?: string | undefined; messageZh?: string | undefined }) {
  return [
    { field: 'subject', text: config.subject, alsoKnown: recipientVariables },
    { field: 'message', text: config.message, alsoKnown: recipientVariables },
    ...(config.subjectZh === undefined ? [] : [{ field: 'subjectZh', text: config.subjectZh, alsoKnown: recipientVariables }]),
    ...(config.messageZh === undefined ? [] : [{ field: 'messageZh', text: config.messageZh, alsoKnown: recipientVariables }]),
  ];
}

export const notifyConfigSchema = z
  .strictObject({
    recipient: recipientRuleSchema,
    channel: channelSchema,
    webhookUrl: webAddressSchema.optional().meta({ title: 'Webhook address' }),
    chatChannelId: chatChannelIdSchema.optional(),
    subject: subjectSchema,
    message: messageSchema,
    subjectZh: subjectZhSchema,
    messageZh: messageZhSchema,
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
      ...messageTemplates(config),
      ...(config.webhookUrl === undefined ? [] : [{ field: 'webhookUrl', text: config.webhookUrl }]),
    ],
    people: [{ field: 'recipient', rule: config.recipient }],
  }),
});
