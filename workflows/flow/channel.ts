import { z } from 'zod';

/** How a message reaches a person. */
export const channels = ['inbox', 'email', 'webhook'] as const;
export const channelSchema = z.enum(channels).meta({ title: 'Channel' });
export type Channel = z.infer<typeof channelSchema>;

export const channelLabels: Record<Channel, string> = {
  inbox: 'In-app inbox',
  email: 'E-mail',
  webhook: 'Webhook (chat or other system)',
};

/**
 * A chat channel an admin connected (WeCom, DingTalk, Feishu, Slack), by id: the message also goes
 * there, as a card with the answer buttons. Optional: without one, each person's own choice applies.
 */
export const chatChannelIdSchema = z.uuid({ error: 'must be the id of a chat channel' }).meta({
  title: 'Chat channel',
  description: 'Also post the message to this chat group (企业微信, 钉钉, 飞书, Slack), with the answer buttons. None: to the chat each person chose, if any.',
});
