// The API (through web-support) is imported first on purpose: zod schemas made before
// @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { useWeb } from './web-support';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../support/axe';
import { createSignInPerson } from '../support/browser';
import { startChatReceiver, type ChatReceiver } from '../support/chat-receivers';
import { call } from '../support/http';
import { inTurn } from '../support/flow-shapes';
import { shortcut } from '../designer/browser-support';

// The receiver listens on 127.0.0.1, which a channel's test message may reach only when allowed.
const web = useWeb({ webhookAllow: '127.0.0.1' });
let receiver: ChatReceiver | undefined;
afterAll(() => receiver?.close());

describe('chat channels in the web app', () => {
  it('lets an admin connect a DingTalk robot, send it a test message, rename it, choose it in a notify step’s form, and remove it', async () => {
    const { app } = web.system;
    const secret = `SEC${randomUUID()}`;
    receiver = await startChatReceiver('dingtalk', { secret });
    const admin = await createSignInPerson(app, 'Chat Admin', { role: 'admin' });
    const page = await web.newPage(admin);
    const name = `华东销售群 ${randomUUID().slice(0, 6)}`;

    await page.goto(`${web.url}/chat-channels`);
    await page.getByRole('heading', { name: 'Chat channels' }).waitFor();
    const form = page.getByTestId('chat-channel-form');
    await form.getByTestId('chat-channel-name').fill(name);
    await form.getByTestId('chat-channel-platform').selectOption('dingtalk');
    // A bad address is named beside its field, and nothing is connected.
    await form.getByTestId('chat-channel-url').fill('not an address');
    await form.getByTestId('save-chat-channel').click();
    await expect.poll(() => form.locator('.field--problem .field__error').first().textContent()).toContain('http(s) address');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await form.getByTestId('chat-channel-url').fill(receiver.webhookUrl);
    await form.getByTestId('chat-channel-secret').fill(secret);
    await form.getByTestId('save-chat-channel').click();

    const card = page.getByTestId('chat-channel').filter({ hasText: name });
    await expect.poll(() => card.textContent()).toContain('signed with its secret');
    // What the page got back holds neither the address nor the secret.
    expect(await page.content()).not.toContain(secret);
    expect(await page.content()).not.toContain(receiver.webhookUrl);
    expect(await seriousAxeFindings(page)).toEqual([]);

    await card.getByTestId('test-chat-channel').click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('The chat tool accepted the message.');
    expect(receiver.accepted.map((m) => m.title)).toEqual(['Milepost test message']);
    expect(receiver.refusals).toEqual([]);
    await web.screenshot(page, 'chat-channels');

    await card.getByTestId('edit-chat-channel').click();
    const edit = card.getByTestId('chat-channel-edit');
    await edit.getByLabel('Name').fill(`${name} renamed`);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await edit.getByTestId('save-chat-channel-edit').click();
    const renamed = page.getByTestId('chat-channel').filter({ hasText: `${name} renamed` });
    await expect.poll(() => renamed.getByRole('status').textContent()).toBe('Saved.');
    const channelId = ((await call(app, 'GET', '/api/chat-channels')).body as { id: string; name: string }[]).find((c) => c.name === `${name} renamed`)!.id;

    // The designer's form of a notify step offers the channel by name, from the node catalog's schema.
    const draft = inTurn(`Chat choice ${randomUUID().slice(0, 6)}`, [
      { id: 'tell', kind: 'notify', config: { recipient: { kind: 'project_owner' }, channel: 'inbox', subject: 'Hello', message: 'Hello {{recipient.name}}.' } },
    ]);
    const created = await call(app, 'POST', '/api/flows', { draft });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await page.goto(`${web.url}/flows/${created.body.id}`);
    await page.locator('.react-flow__node[data-id="tell"]').click();
    const choice = page.getByTestId('step-settings').getByLabel('Chat channel');
    await expect.poll(() => choice.locator('option').allTextContents()).toContain(`${name} renamed (钉钉 DingTalk custom robot)`);
    await choice.selectOption(channelId);
    await expect.poll(() => choice.inputValue()).toBe(channelId);
    await expect.poll(() => page.getByTestId('problems-badge').textContent()).toBe('No problems');
    // Saved, the draft holds the channel's id.
    await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press(shortcut.save);
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('All changes saved');
    const saved = await call(app, 'GET', `/api/flows/${created.body.id}`);
    expect(saved.body.draft.nodes.find((n: { id: string }) => n.id === 'tell').config.chatChannelId).toBe(channelId);
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.goto(`${web.url}/chat-channels`);
    page.once('dialog', (dialog) => void dialog.accept());
    await renamed.getByTestId('remove-chat-channel').click();
    await expect.poll(() => renamed.count()).toBe(0);
    expect((await call(app, 'GET', '/api/chat-channels')).body.some((c: { id: string }) => c.id === channelId)).toBe(false);
  });
});
