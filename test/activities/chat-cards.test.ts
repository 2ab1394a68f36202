import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chatRequest, platformRefusal } from '../../activities/chat/platform-requests';
import type { ChatMessage } from '../../workflows/flow/chat-platforms';

const approval: ChatMessage = {
  title: 'Approval needed: 华东 Q3',
  text: 'Hello 王经理, please approve or reject.',
  buttons: [
    { label: 'Approve', url: 'https://milepost.example/decide/a', style: 'primary' },
    { label: 'Reject', url: 'https://milepost.example/decide/r', style: 'danger' },
  ],
};
const now = new Date('2027-03-31T08:00:00Z');

describe('chat cards with answer buttons', () => {
  it('signs a DingTalk actionCard in its query with HMAC-SHA256 of "timestamp\\nsecret", one button per answer', () => {
    const request = chatRequest({ platform: 'dingtalk', webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret: 'SECx' }, approval, now);
    const url = new URL(request.url);
    expect(url.searchParams.get('access_token')).toBe('t');
    expect(url.searchParams.get('timestamp')).toBe(String(now.getTime()));
    expect(url.searchParams.get('sign')).toBe(createHmac('sha256', 'SECx').update(`${now.getTime()}\nSECx`).digest('base64'));
    expect(request.body).toMatchObject({ msgtype: 'actionCard', actionCard: { title: approval.title, btns: [{ title: 'Approve', actionURL: approval.buttons[0]!.url }, { title: 'Reject', actionURL: approval.buttons[1]!.url }] } });
  });

  it('signs a Feishu interactive card in its body, keyed by "timestamp\\nsecret" over nothing, with danger for Reject', () => {
    const request = chatRequest({ platform: 'feishu', webhookUrl: 'https://open.feishu.cn/open-apis/bot/v2/hook/h', secret: 's' }, approval, now);
    const seconds = String(now.getTime() / 1000);
    expect(request.body).toMatchObject({ timestamp: seconds, sign: createHmac('sha256', `${seconds}\ns`).update('').digest('base64'), msg_type: 'interactive' });
    const actions = (request.body.card as { elements: { tag: string; actions?: { type: string; url: string }[] }[] }).elements.find((e) => e.tag === 'action')!.actions!;
    expect(actions.map((a) => [a.type, a.url])).toEqual([['primary', approval.buttons[0]!.url], ['danger', approval.buttons[1]!.url]]);
  });

  it('puts Slack buttons in an actions block and WeCom links in its markdown', () => {
    const slack = chatRequest({ platform: 'slack', webhookUrl: 'https://hooks.slack.com/services/x', secret: null }, approval, now);
    expect(slack.body.blocks).toContainEqual({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Approve' }, url: approval.buttons[0]!.url, style: 'primary' }, { type: 'button', text: { type: 'plain_text', text: 'Reject' }, url: approval.buttons[1]!.url, style: 'danger' }] });
    const wecom = chatRequest({ platform: 'wecom', webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', secret: null }, approval, now);
    expect((wecom.body.markdown as { content: string }).content).toContain(`[Approve](${approval.buttons[0]!.url})`);
  });

  it('reads the platforms’ error codes inside a 200 answer', () => {
    expect(platformRefusal('dingtalk', '{"errcode":0,"errmsg":"ok"}')).toBeNull();
    expect(platformRefusal('wecom', '{"errcode":45009,"errmsg":"api freq out of limit"}')).toBe('platform error 45009: api freq out of limit');
    expect(platformRefusal('feishu', '{"code":19021,"msg":"sign match fail"}')).toBe('platform error 19021: sign match fail');
    expect(platformRefusal('slack', 'ok')).toBeNull();
  });
});
