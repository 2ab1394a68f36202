import type { Channel } from './channel';

/** A message a flow step sends: what the interpreter hands to the notify activity. */
export interface MessageSpec {
  channel: Channel;
  subject: string;
  message: string;
  webhookUrl?: string | undefined;
}
