import { createHmac } from 'node:crypto';
import type { ChatMessage, ChatPlatform } from '../../workflows/flow/chat-platforms';

export interface ChatTarget {
  platform: ChatPlatform;
  webhookUrl: string;
  secret: string | null;
}

export interface ChatRequest {
  url: string;
  body: Record<string, unknown>;
}

/** DingTalk 加签: HMAC-SHA256 keyed by the secret over `timestamp\nsecret` (ms), base64; sent in the query. */
export function dingtalkSign(timestampMs: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** Feishu 签名校验: HMAC-SHA256 keyed by `timestamp\nsecret` (seconds) over an empty message, base64; sent in the body. */
export function feishuSign(timestampSeconds: number, secret: string): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

const markdownLinks = (message: ChatMessage) => message.buttons.map((b) => `[${b.label}](${b.url})`).join('　');

/**
 * The request each platform takes for a message with link buttons, signed when the channel has a
 * secret: WeCom markdown (its robot's cards link with Markdown links), DingTalk's actionCard with
 * one button per answer, Feishu's interactive card with an action row, Slack's Block Kit.
 */
export function chatRequest(target: ChatTarget, message: ChatMessage, now: Date): ChatRequest {
  switch (target.platform) {
    case 'wecom': {
      const links = message.buttons.length > 0 ? `\n\n${markdownLinks(message)}` : '';
      return { url: target.webhookUrl, body: { msgtype: 'markdown', markdown: { content: `**${message.title}**\n${message.text}${links}` } } };
    }
    case 'dingtalk': {
      const text = `### ${message.title}\n\n${message.text}`;
      const body =
        message.buttons.length > 0
          ? { msgtype: 'actionCard', actionCard: { title: message.title, text, btnOrientation: '1', btns: message.buttons.map((b) => ({ title: b.label, actionURL: b.url })) } }
          : { msgtype: 'markdown', markdown: { title: message.title, text } };
      if (!target.secret) return { url: target.webhookUrl, body };
      const url = new URL(target.webhookUrl);
      const timestamp = now.getTime();
      url.searchParams.set('timestamp', String(timestamp));
      url.searchParams.set('sign', dingtalkSign(timestamp, target.secret));
      return { url: url.toString(), body };
    }
    case 'feishu': {
      const elements: unknown[] = [{ tag: 'div', text: { tag: 'lark_md', content: message.text } }];
      if (message.buttons.length > 0) {
        elements.push({
          tag: 'action',
          actions: message.buttons.map((b) => ({ tag: 'button', text: { tag: 'plain_text', content: b.label }, type: b.style, url: b.url })),
        });
      }
      const card = { config: { wide_screen_mode: true }, header: { title: { tag: 'plain_text', content: message.title }, template: 'blue' }, elements };
      const timestamp = Math.floor(now.getTime() / 1000);
      const signature = target.secret ? { timestamp: String(timestamp), sign: feishuSign(timestamp, target.secret) } : {};
      return { url: target.webhookUrl, body: { ...signature, msg_type: 'interactive', card } };
    }
    case 'slack': {
      const blocks: unknown[] = [
        { type: 'header', text: { type: 'plain_text', text: message.title.slice(0, 150) } },
        { type: 'section', text: { type: 'mrkdwn', text: message.text.slice(0, 3000) } },
      ];
      if (message.buttons.length > 0) {
        blocks.push({
          type: 'actions',
          elements: message.buttons.map((b) => ({ type: 'button', text: { type: 'plain_text', text: b.label }, url: b.url, ...(b.style === 'default' ? {} : { style: b.style }) })),
        });
      }
      // `text` is the notification's fallback, where blocks cannot be shown.
      return { url: target.webhookUrl, body: { text: `${message.title}: ${message.text}`, blocks } };
    }
  }
}

/**
 * Whether the platform accepted the message. WeCom, DingTalk and Feishu answer HTTP 200 with an
 * error code in the body (`errcode` / `code`, 0 = accepted); Slack answers `ok`.
 */
export function platformRefusal(platform: ChatPlatform, body: string): string | null {
  if (platform === 'slack') return body.trim() === 'ok' || body.trim() === '' ? null : body.trim().slice(0, 200);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `answered 200 without the platform's JSON (${body.slice(0, 80)})`;
  }
  const record = (parsed ?? {}) as Record<string, unknown>;
  const code = platform === 'feishu' ? (record.code ?? record.StatusCode) : record.errcode;
  if (code === 0) return null;
  const said = record.errmsg ?? record.msg ?? record.StatusMessage ?? '';
  return `platform error ${String(code)}${said ? `: ${String(said)}` : ''}`;
}
