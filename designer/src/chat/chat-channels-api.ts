import { z } from 'zod';
import { ChatChannel } from '../../../api/contract/chat-channels';
import { requestJson } from '../shared/request';

/** The chat channels by name: for the admin page, the designer's step form and the account page. */
export const loadChatChannels = ({ signal }: { signal?: AbortSignal } = {}) => requestJson(z.array(ChatChannel), 'GET', '/api/chat-channels', undefined, signal);

export const chatChannelsKey = ['chat-channels'] as const;
