import type { Channel } from './channel';

/** A message a flow step sends: what the interpreter hands to the notify activity. */
export interface MessageSpec {
  channel: Channel;
  subject: string;
  message: string;
  webhookUrl?: string | undefined;
  /** A chat channel (chat_channels.id) the message also goes to; none = each person's own choice, if any. */
  chatChannelId?: string | undefined;
}
