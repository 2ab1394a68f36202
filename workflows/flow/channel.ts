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
