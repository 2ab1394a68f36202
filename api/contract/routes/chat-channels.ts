import { routesOf, json, jsonBody, refusal } from './define-routes';
import { IdParam } from '../common';
import { ChatChannel, ChatChannelBody, ChatChannelChange, ChatChannelParams, ChatChannelTestResult, PersonalChatChannel } from '../chat-channels';

const route = routesOf('chat-channels');

export const listChatChannels = route.get('/api/chat-channels', {
  summary: 'The chat channels (WeCom, DingTalk, Feishu, Slack) message steps and people can choose; never their addresses or secrets',
  standardErrors: false,
  responses: { 200: json('Chat channels by name', ChatChannel.array()) },
});

export const createChatChannel = route.post('/api/chat-channels', {
  summary: 'Connect a chat channel (admins): its address and signing secret are stored sealed (AES-256-GCM) and never answered',
  request: { body: jsonBody(ChatChannelBody) },
  responses: { 201: json('The channel', ChatChannel), 409: refusal('Another channel has this name'), 503: refusal('No key to seal secrets with (MILEPOST_SECRET or MILEPOST_CHANNEL_KEY)') },
});

export const updateChatChannel = route.patch('/api/chat-channels/{channelId}', {
  summary: 'Rename a chat channel or give it a new address or secret (admins)',
  request: { params: ChatChannelParams, body: jsonBody(ChatChannelChange) },
  responses: { 200: json('The channel now', ChatChannel), 409: refusal('Another channel has this name'), 503: refusal('No key to seal secrets with') },
});

export const deleteChatChannel = route.delete('/api/chat-channels/{channelId}', {
  summary: 'Remove a chat channel (admins): steps that named it post nowhere, people who chose it have none',
  request: { params: ChatChannelParams },
  responses: { 204: { description: 'Removed' } },
});

export const testChatChannel = route.post('/api/chat-channels/{channelId}/test', {
  summary: 'Send a test message to a chat channel now (admins) and answer what the chat tool said',
  request: { params: ChatChannelParams },
  responses: { 200: json('Whether the chat tool accepted it', ChatChannelTestResult), 503: refusal('No key to open the secrets with') },
});

export const putPersonalChatChannel = route.put('/api/users/{id}/chat-channel', {
  summary: 'Choose the chat channel a person’s messages also go to (the person, or an admin); a step’s own channel wins',
  request: { params: IdParam, body: jsonBody(PersonalChatChannel) },
  responses: { 200: json('The choice now', PersonalChatChannel) },
});
