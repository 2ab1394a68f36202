import { z } from 'zod';

/** The chat tools a channel can post to; one list for the API, the worker and the designer. */
export const chatPlatforms = ['wecom', 'dingtalk', 'feishu', 'slack'] as const;
export const chatPlatformSchema = z.enum(chatPlatforms);
export type ChatPlatform = z.infer<typeof chatPlatformSchema>;

export const chatPlatformLabels: Record<ChatPlatform, string> = {
  wecom: '企业微信 WeCom group robot',
  dingtalk: '钉钉 DingTalk custom robot',
  feishu: '飞书 Feishu / Lark bot',
  slack: 'Slack incoming webhook',
};

/** Whether the platform signs with a secret of its own (DingTalk's 加签, Feishu's 签名校验). */
export const chatPlatformSigns: Record<ChatPlatform, boolean> = { wecom: false, dingtalk: true, feishu: true, slack: false };

/**
 * Messages a channel may take per minute, as the platforms document them for one robot or webhook:
 * WeCom and DingTalk 20 a minute, Feishu 100 a minute (5 a second), Slack about one a second.
 */
export const chatRateLimits: Record<ChatPlatform, { perMinute: number }> = {
  wecom: { perMinute: 20 },
  dingtalk: { perMinute: 20 },
  feishu: { perMinute: 100 },
  slack: { perMinute: 60 },
};

/** One message as every platform's card shows it: a title, Markdown text and link buttons. */
export interface ChatMessage {
  title: string;
  text: string;
  buttons: { label: string; url: string; style: 'primary' | 'danger' | 'default' }[];
}
