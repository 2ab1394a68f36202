import type { Channel } from './channel';

/** A message a flow step sends: what the interpreter hands to the notify activity. */
export interface MessageSpec {
  channel: Channel;
  subject: string;
  message: string;
  /** The Chinese subject and message, for people who read Chinese; absent = everybody gets the ones above. */
  subjectZh?: string | undefined;
  messageZh?: string | undefined;
  webhookUrl?: string | undefined;
  /** A chat channel (chat_channels.id) the message also goes to; none = each person's own choice, if any. */
  chatChannelId?: string | undefined;
}
