import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ChatPlatform } from '../../workflows/flow/chat-platforms';
import { startHttpReceiver, type Answer, type HttpReceiver, type ReceivedRequest } from './http-receiver';

/** A message a receiver accepted, with the buttons as the person would see them. */
export interface AcceptedChat {
  title: string;
  buttons: { label: string; url: string }[];
  idempotencyKey: string | undefined;
}

export interface ChatReceiver extends HttpReceiver {
  /** The address an admin would paste, as the platform gives it (WeCom's and DingTalk's carry a token). */
  webhookUrl: string;
  accepted: AcceptedChat[];
  /** Why requests were refused (bad shape or signature), in order. */
  refusals: string[];
}

const equal = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const hmac = (key: string, text: string) => createHmac('sha256', key).update(text).digest('base64');
const withinAnHour = (ms: number) => Math.abs(Date.now() - ms) < 3_600_000;

type Json = Record<string, any>;

/**
 * Checks a request as the platform does: the signature (DingTalk's query `timestamp` & `sign`,
 * Feishu's body `timestamp` & `sign`, WeCom's key in the address) and the card's shape. Answers the
 * accepted message, or why the platform would refuse it.
 */
function check(platform: ChatPlatform, token: string, secret: string | undefined, request: ReceivedRequest): AcceptedChat | string {
  const url = new URL(request.path, 'http://receiver');
  let body: Json;
  try {
    body = JSON.parse(request.body.toString('utf8')) as Json;
  } catch {
    return 'body is not JSON';
  }
  const idempotencyKey = request.headers['idempotency-key'] as string | undefined;
  switch (platform) {
    case 'wecom': {
      if (url.pathname !== '/cgi-bin/webhook/send' || url.searchParams.get('key') !== token) return 'unknown robot key';
      if (body.msgtype !== 'markdown' || typeof body.markdown?.content !== 'string') return 'not a markdown message';
      const content = body.markdown.content as string;
      const buttons = [...content.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)/g)].map(([, label, link]) => ({ label: label!, url: link! }));
      return { title: /^\*\*(.+)\*\*$/m.exec(content)?.[1] ?? '', buttons, idempotencyKey };
    }
    case 'dingtalk': {
      if (url.searchParams.get('access_token') !== token) return 'unknown access_token';
      const timestamp = Number(url.searchParams.get('timestamp'));
      const sign = url.searchParams.get('sign') ?? '';
      if (!withinAnHour(timestamp)) return 'timestamp more than an hour off';
      if (!equal(sign, hmac(secret!, `${timestamp}\n${secret}`))) return 'sign not match';
      // A message without answers comes as Markdown; one with answers as an actionCard with its buttons.
      if (body.msgtype === 'markdown') {
        if (typeof body.markdown?.title !== 'string' || typeof body.markdown?.text !== 'string') return 'markdown lacks title or text';
        return { title: body.markdown.title as string, buttons: [], idempotencyKey };
      }
      if (body.msgtype !== 'actionCard') return 'neither markdown nor an actionCard';
      const card = body.actionCard as Json;
      if (typeof card.title !== 'string' || typeof card.text !== 'string' || !Array.isArray(card.btns)) return 'actionCard lacks title, text or btns';
      return { title: card.title, buttons: (card.btns as Json[]).map((b) => ({ label: b.title as string, url: b.actionURL as string })), idempotencyKey };
    }
    case 'feishu': {
      if (url.pathname !== `/open-apis/bot/v2/hook/${token}`) return 'unknown hook';
      const timestamp = Number(body.timestamp);
      if (!withinAnHour(timestamp * 1000)) return 'timestamp more than an hour off';
      if (typeof body.sign !== 'string' || !equal(body.sign, hmac(`${body.timestamp}\n${secret}`, ''))) return 'sign match fail';
      if (body.msg_type !== 'interactive' || typeof body.card?.header?.title?.content !== 'string' || !Array.isArray(body.card?.elements)) return 'not an interactive card';
      const actions = (body.card.elements as Json[]).filter((e) => e.tag === 'action').flatMap((e) => e.actions as Json[]);
      if (actions.some((a) => a.tag !== 'button' || a.text?.tag !== 'plain_text')) return 'an action is not a plain-text button';
      return { title: body.card.header.title.content as string, buttons: actions.map((a) => ({ label: a.text.content as string, url: a.url as string })), idempotencyKey };
    }
    case 'slack': {
      if (url.pathname !== `/services/${token}`) return 'no_service';
      if (typeof body.text !== 'string' || !Array.isArray(body.blocks)) return 'invalid_blocks';
      const header = (body.blocks as Json[]).find((b) => b.type === 'header');
      const elements = (body.blocks as Json[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements as Json[]);
      if (elements.some((e) => e.type !== 'button' || e.text?.type !== 'plain_text' || typeof e.url !== 'string')) return 'invalid_blocks';
      return { title: (header?.text?.text as string) ?? '', buttons: elements.map((e) => ({ label: e.text.text as string, url: e.url as string })), idempotencyKey };
    }
  }
}

/** What the platform answers for an accepted message and for a refused one. */
function platformAnswer(platform: ChatPlatform, refusal: string | null): Answer {
  switch (platform) {
    case 'wecom':
    case 'dingtalk':
      return { status: 200, json: refusal ? { errcode: 310000, errmsg: refusal } : { errcode: 0, errmsg: 'ok' } };
    case 'feishu':
      return { status: 200, json: refusal ? { code: 19021, msg: refusal, data: {} } : { code: 0, msg: 'success', data: {} } };
    case 'slack':
      return refusal ? { status: 400, text: refusal } : { status: 200, text: 'ok' };
  }
}

/**
 * A local stand-in for one platform's robot: checks each request as the platform would and keeps
 * what it accepted. `failFirst` requests get HTTP 500 first (unread), as a platform having trouble.
 * A message whose Idempotency-Key was accepted before is acknowledged but not kept twice.
 */
export async function startChatReceiver(platform: ChatPlatform, options: { secret?: string; failFirst?: number } = {}): Promise<ChatReceiver> {
  const token = `tok${Math.random().toString(36).slice(2, 10)}`;
  const accepted: AcceptedChat[] = [];
  const refusals: string[] = [];
  const receiver = await startHttpReceiver((index, request) => {
    if (index < (options.failFirst ?? 0)) return { status: 500 };
    const result = check(platform, token, options.secret, request);
    if (typeof result === 'string') {
      refusals.push(result);
      return platformAnswer(platform, result);
    }
    if (result.idempotencyKey === undefined || !accepted.some((a) => a.idempotencyKey === result.idempotencyKey)) accepted.push(result);
    return platformAnswer(platform, null);
  });
  const paths: Record<ChatPlatform, string> = {
    wecom: `/cgi-bin/webhook/send?key=${token}`,
    dingtalk: `/robot/send?access_token=${token}`,
    feishu: `/open-apis/bot/v2/hook/${token}`,
    slack: `/services/${token}`,
  };
  return Object.assign(receiver, { webhookUrl: `${receiver.origin}${paths[platform]}`, accepted, refusals });
}
