import { afterAll, describe, expect, it } from 'vitest';
import { milestoneMissEscalationFlow } from '../../workflows/flow/default-flows';
import type { ChatPlatform } from '../../workflows/flow/chat-platforms';
import { startChatReceiver, type ChatReceiver } from '../support/chat-receivers';
import { bind, createOrgChart, createProject, inSeconds, publishFlow, startExecution } from '../support/factories';
import { closeProject, finishedRun, flowRunOf, portsOf, runOnPlanSubmitted } from '../support/flow-runs';
import { decideBy, document, endWith, inTurn, onPlanSubmitted, singleApproval } from '../support/flow-shapes';
import { recordHistory } from '../support/histories';
import { call, eventually } from '../support/http';
import { testDecisionLinks, useSystem } from '../support/system';

// The receivers listen on 127.0.0.1, which chat channels (like webhooks) may reach only when allowed.
const system = useSystem({ webhookAllow: '127.0.0.1' });
const receivers: ChatReceiver[] = [];
afterAll(() => Promise.all(receivers.map((r) => r.close())));

const secrets: Partial<Record<ChatPlatform, string>> = { dingtalk: 'SECdingtalk-test-secret-0123', feishu: 'feishu-test-secret-4567' };

async function channelFor(platform: ChatPlatform, options: { failFirst?: number } = {}) {
  const receiver = await startChatReceiver(platform, { ...options, ...(secrets[platform] ? { secret: secrets[platform] } : {}) });
  receivers.push(receiver);
  const created = await call(system.app, 'POST', '/api/chat-channels', {
    name: `${platform} ${receivers.length} ${Date.now()}`,
    platform,
    webhookUrl: receiver.webhookUrl,
    ...(secrets[platform] ? { secret: secrets[platform] } : {}),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { receiver, channel: created.body as { id: string; name: string; hasSecret: boolean } };
}

/** The milestone-miss escalation flow with its acknowledgement steps also posted to the channel. */
function escalationTo(channelId: string) {
  const flow = structuredClone(milestoneMissEscalationFlow);
  flow.name = `Escalation to chat ${channelId}`;
  for (const node of flow.nodes) if (node.kind === 'wait_for_ack') Object.assign(node.config, { chatChannelId: channelId, timeout: { amount: 120, unit: 'seconds' } });
  return flow;
}

const page = async (path: string, method: 'GET' | 'POST' = 'GET') => {
  const response = await system.app.request(path, { method });
  return { status: response.status, text: await response.text() };
};

describe('chat channels deliver flow messages as each platform’s card', () => {
  it.each(['wecom', 'dingtalk', 'feishu', 'slack'] as const)('%s delivers a missed milestone’s escalation whose Acknowledge button acknowledges it through the confirmation page', async (platform) => {
    const org = await createOrgChart(system.app);
    const { receiver, channel } = await channelFor(platform);
    const project = await createProject(system.app, org.rep.id, `Chat ${platform}`, {
      periodEnd: inSeconds(4),
      monitoringDays: 0,
      milestones: [{ name: 'First deals', dueAt: inSeconds(3), metric: 'revenue', targetValue: 1000, ownerId: org.rep.id }],
    });
    await bind(system.app, 'milestone_missed', project.id, await publishFlow(system.app, escalationTo(channel.id)));
    await startExecution(system.app, project.id, org.rep);

    const message = await eventually(async () => {
      expect(receiver.refusals).toEqual([]);
      expect(receiver.accepted).toHaveLength(1);
      return receiver.accepted[0]!;
    }, { timeoutMs: 30_000 });
    expect(message.title).toContain(project.name);
    expect(message.buttons.map((b) => b.label)).toEqual(['Acknowledge']);
    const button = message.buttons[0]!.url;
    expect(button.startsWith(`${testDecisionLinks.publicUrl}/decide/`)).toBe(true);

    const link = new URL(button).pathname;
    const confirm = await page(link);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('Acknowledge the escalation (level 1) about the missed milestone “First deals”');
    const acked = await page(link, 'POST');
    expect(acked.status, acked.text).toBe(200);

    const runId = (await flowRunOf(system, project.id, 'milestone_missed')).id;
    const run = await finishedRun(system, runId);
    expect(run.path.some((step) => step.note === `chat "${channel.name}" (${platform}): attempt 1 delivered`)).toBe(true);
    const escalation = await system.db.selectFrom('escalations').selectAll().where('projectId', '=', project.id).executeTakeFirstOrThrow();
    expect(escalation).toMatchObject({ level: 1, recipientId: org.manager.id, acknowledgedBy: org.manager.id });
    // One request: accepted at once, never sent again.
    expect(receiver.received).toHaveLength(1);
  });

  it('a receiver that fails twice and then accepts gets the message exactly once, and the run shows both failures', async () => {
    const org = await createOrgChart(system.app);
    const { receiver, channel } = await channelFor('wecom', { failFirst: 2 });
    const flow = inTurn('Notify in chat', [
      {
        id: 'tell',
        kind: 'notify',
        config: { recipient: { kind: 'owner_manager', fallback: { kind: 'project_owner' } }, channel: 'inbox', chatChannelId: channel.id, subject: 'Plan of {{project.name}}', message: 'Hello {{recipient.name}}.' },
      },
    ]);
    const { projectId, projectName } = await runOnPlanSubmitted(system, org, flow);
    const run = await finishedRun(system, (await flowRunOf(system, projectId)).id);

    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(receiver.accepted).toEqual([{ title: `Plan of ${projectName}`, buttons: [], idempotencyKey: receiver.received[0]!.headers['idempotency-key'] }]);
    const note = run.path.find((step) => step.nodeId === 'tell' && step.note?.startsWith('chat '))?.note;
    expect(note).toMatch(new RegExp(`^chat "${channel.name}" \\(wecom\\): attempt 1 failed \\(.*answered 500\\); attempt 2 failed \\(.*answered 500\\); attempt 3 delivered$`));
    await closeProject(system, projectId, org.rep);
  });

  it('asks for an approval with Approve and Reject buttons on a DingTalk actionCard; Approve decides it', async () => {
    const org = await createOrgChart(system.app);
    const { receiver, channel } = await channelFor('dingtalk');
    const flow = singleApproval(org.manager.id, { name: 'Approval in chat', subject: 'Approve the plan of {{project.name}}', timeout: { amount: 600, unit: 'seconds' } });
    for (const node of flow.nodes) if (node.kind === 'approval') Object.assign(node.config, { chatChannelId: channel.id });
    const { projectId, projectName } = await runOnPlanSubmitted(system, org, flow);
    const message = await eventually(async () => {
      expect(receiver.accepted).toHaveLength(1);
      return receiver.accepted[0]!;
    });
    expect(message.title).toBe(`Approve the plan of ${projectName}`);
    expect(message.buttons.map((b) => b.label)).toEqual(['Approve', 'Reject']);
    // Each button opens its own confirmation page; Approve decides when confirmed.
    expect((await page(new URL(message.buttons[1]!.url).pathname)).text).toContain('Reject the plan of project');
    const approve = new URL(message.buttons[0]!.url).pathname;
    expect((await page(approve)).status).toBe(200);
    const decided = await page(approve, 'POST');
    expect(decided.status, decided.text).toBe(200);
    const run = await finishedRun(system, (await flowRunOf(system, projectId)).id);
    expect(portsOf(run, 'decide')).toEqual(['approved']);
    await closeProject(system, projectId, org.rep);
  });

  it('asks a zh-CN approver on a Feishu card in Chinese: its title, its text and its 批准 / 驳回 buttons', async () => {
    const org = await createOrgChart(system.app);
    await system.db.updateTable('users').set({ language: 'zh-CN' }).where('id', '=', org.manager.id).execute();
    const { receiver, channel } = await channelFor('feishu');
    const flow = singleApproval(org.manager.id, {
      name: 'Chinese approval in chat',
      subject: 'Approve the plan of {{project.name}}',
      subjectZh: '请审批 {{project.name}} 的计划',
      messageZh: '{{recipient.name}}，您好：请批准或驳回该计划。',
      timeout: { amount: 600, unit: 'seconds' },
    });
    for (const node of flow.nodes) if (node.kind === 'approval') Object.assign(node.config, { chatChannelId: channel.id });
    const { projectId, projectName } = await runOnPlanSubmitted(system, org, flow);
    const message = await eventually(async () => {
      expect(receiver.accepted).toHaveLength(1);
      return receiver.accepted[0]!;
    });
    expect(message.title).toBe(`请审批 ${projectName} 的计划`);
    expect(message.buttons.map((b) => b.label)).toEqual(['批准', '驳回']);
    expect((await page(new URL(message.buttons[1]!.url).pathname)).text).toContain(`以${org.manager.name}的身份驳回项目“${projectName}”的计划？`);
    const decided = await page(new URL(message.buttons[0]!.url).pathname, 'POST');
    expect(decided.status, decided.text).toBe(200);
    await finishedRun(system, (await flowRunOf(system, projectId)).id);
    await closeProject(system, projectId, org.rep);
  });

  it('records a receiver’s refusal (4xx) as a failed delivery on the run, without retrying it', async () => {
    const org = await createOrgChart(system.app);
    const { receiver, channel } = await channelFor('slack');
    // The robot's address changed under Milepost: Slack answers 400 no_service.
    await call(system.app, 'PATCH', `/api/chat-channels/${channel.id}`, { webhookUrl: `${receiver.origin}/services/gone` });
    const flow = inTurn('Notify a gone robot', [
      { id: 'tell', kind: 'notify', config: { recipient: { kind: 'project_owner' }, channel: 'inbox', chatChannelId: channel.id, subject: 'Gone {{project.name}}', message: 'Hello.' } },
    ]);
    const { projectId } = await runOnPlanSubmitted(system, org, flow);
    const run = await finishedRun(system, (await flowRunOf(system, projectId)).id);
    expect(receiver.received).toHaveLength(1);
    expect(run.path.find((step) => step.nodeId === 'tell' && step.note?.startsWith('chat '))?.note).toMatch(/^chat ".*" \(slack\): attempt 1 failed \(.*\/services\/gone answered 400; not retried\)$/);
    const delivery = await system.db.selectFrom('chat_deliveries').selectAll().where('channelId', '=', channel.id).executeTakeFirstOrThrow();
    expect(delivery.status).toBe('failed');
    await closeProject(system, projectId, org.rep);
  });

  it('reaches a person over the chat channel they chose when the step names none', async () => {
    const org = await createOrgChart(system.app);
    const { receiver, channel } = await channelFor('slack');
    const chosen = await call(system.app, 'PUT', `/api/users/${org.manager.id}/chat-channel`, { chatChannelId: channel.id }, { as: org.manager });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    const flow = inTurn('Notify as people chose', [
      { id: 'tell', kind: 'notify', config: { recipient: { kind: 'owner_manager', fallback: { kind: 'project_owner' } }, channel: 'inbox', subject: 'Personal {{project.name}}', message: 'Hello {{recipient.name}}.' } },
    ]);
    const { projectId, projectName } = await runOnPlanSubmitted(system, org, flow);
    await finishedRun(system, (await flowRunOf(system, projectId)).id);
    expect(receiver.accepted.map((m) => m.title)).toEqual([`Personal ${projectName}`]);
    await closeProject(system, projectId, org.rep);
  });
});

describe('a delegated request over chat', () => {
  it('sends the delegate the request’s chat copy over the chat channel they chose, after the delegation has answered', async () => {
    const org = await createOrgChart(system.app);
    const { receiver, channel } = await channelFor('slack');
    const chosen = await call(system.app, 'PUT', `/api/users/${org.director.id}/chat-channel`, { chatChannelId: channel.id }, { as: org.director });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    const flow = document('Approval handed on over chat', [onPlanSubmitted(), decideBy([org.manager.id], { mode: 'any', allowDelegation: true, timeoutAction: 'reject' }), endWith('approved', 'approved'), endWith('rejected', 'rejected')], [
      ['start', 'next', 'decide'],
      ['decide', 'approved', 'approved'],
      ['decide', 'rejected', 'rejected'],
    ]);
    const { projectId, projectName } = await runOnPlanSubmitted(system, org, flow);
    const request = await eventually(async () => {
      const res = await call(system.app, 'GET', `/api/users/${org.manager.id}/approvals?status=pending`, undefined, { as: org.manager });
      expect(res.body).toHaveLength(1);
      return res.body[0] as { id: string };
    });
    // The manager chose no chat channel: nothing went to chat for their request.
    expect(receiver.accepted).toEqual([]);

    const handed = await call(system.app, 'POST', `/api/approvals/${request.id}/decision`, { decision: 'delegate', delegateTo: org.director.id, comment: 'Away this week' }, { as: org.manager });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    const card = await eventually(async () => {
      expect(receiver.refusals).toEqual([]);
      expect(receiver.accepted).toHaveLength(1);
      return receiver.accepted[0]!;
    }, { timeoutMs: 30_000 });
    expect(card.title).toBe(`Handed to you: ${projectName}`);
    const { workflowId } = await flowRunOf(system, projectId);
    await closeProject(system, projectId, org.rep);
    await recordHistory(system.client, workflowId, 'flow-run-delegated-request-sent-over-chat');
  });
});

describe('chat channels as an admin configures them', () => {
  it('never answers a channel’s address or secret, and keeps neither readable in the database', async () => {
    const secret = 'SECnever-in-a-response-98765';
    const token = 'access-token-never-answered';
    const created = await call(system.app, 'POST', '/api/chat-channels', { name: `Secret ${Date.now()}`, platform: 'dingtalk', webhookUrl: `https://oapi.dingtalk.com/robot/send?access_token=${token}`, secret });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ platform: 'dingtalk', hasSecret: true });
    const id = (created.body as { id: string }).id;
    const answers = [
      created,
      await call(system.app, 'GET', '/api/chat-channels'),
      await call(system.app, 'PATCH', `/api/chat-channels/${id}`, { name: `Renamed ${Date.now()}`, secret: `${secret}-2` }),
      await call(system.app, 'GET', `/api/audit?entity=chat_channels`),
    ];
    for (const answer of answers) {
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain(secret);
      expect(text).not.toContain(token);
    }
    const sealed = await system.db.selectFrom('chat_channel_secrets').selectAll().where('channelId', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(sealed)).not.toContain(secret);
    expect(JSON.stringify(sealed)).not.toContain(token);
    expect((await call(system.app, 'DELETE', `/api/chat-channels/${id}`)).status).toBe(204);
  });

  it.each([
    [{ platform: 'wecom', webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', secret: 'x' }, 'secret'],
    [{ platform: 'slack', webhookUrl: 'not an address' }, 'webhookUrl'],
    [{ platform: 'teams', webhookUrl: 'https://example.com/hook' }, 'platform'],
  ])('refuses a bad configuration with 400 naming the field (%j → %s) and stores nothing', async (body, field) => {
    const name = `Bad ${Date.now()} ${field}`;
    const res = await call(system.app, 'POST', '/api/chat-channels', { name, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([field]);
    expect((await call(system.app, 'GET', '/api/chat-channels')).body.some((c: { name: string }) => c.name === name)).toBe(false);
  });

  it('sends a test message that the receiver checks and accepts', async () => {
    const { receiver, channel } = await channelFor('feishu');
    const res = await call(system.app, 'POST', `/api/chat-channels/${channel.id}/test`);
    expect(res.body).toEqual({ delivered: true, detail: 'The chat tool accepted the message.' });
    expect(receiver.accepted.map((m) => m.title)).toEqual(['Milepost test message']);
  });
});
