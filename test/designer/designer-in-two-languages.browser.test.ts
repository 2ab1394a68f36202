// The designer speaks the page's language: an operations person reads the flow list, makes a flow,
// adds a step from the palette and sets it up, in English and in simplified Chinese.
// The API (through browser-support) is imported before the flow language on purpose: zod schemas
// made before @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { canvasEdges, canvasSteps, drawConnection, step, useDesigner } from './browser-support';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../support/axe';
import { call } from '../support/http';
import { englishLeftOn } from '../support/i18n-page';

const designer = useDesigner();

/** What the person reads, per language; the flow's name is theirs to choose, so it is in their language too. */
const words = {
  'en-US': {
    flows: 'Flows',
    newFlow: 'New flow',
    name: 'Name',
    create: 'Create and open',
    flowName: 'Budget overrun escalation',
    peopleGroup: 'People',
    notify: 'Notify',
    approval: 'Approval',
    notifyHelp: 'Sends a message to a person or group and goes on at once, without waiting for an answer.',
    recipient: 'Recipient',
    messageHelp: 'Text with {{variable}} placeholders filled from the context.',
    triggerSummary: 'Milestone missed',
    notifySummary: 'In-app inbox to the project owner',
    startsWhen: 'Starts when',
    noProblems: 'No problems',
    thisFlow: 'This flow',
    steps: '3 steps.',
    saved: 'All changes saved',
    nothingPublished: 'Nothing published yet.',
  },
  'zh-CN': {
    flows: '流程',
    newFlow: '新建流程',
    name: '名称',
    create: '创建并打开',
    flowName: '预算超支升级',
    peopleGroup: '人员',
    notify: '通知',
    approval: '审批',
    notifyHelp: '向某人或某个群组发送消息，然后立即继续，不等待答复。',
    recipient: '接收人',
    messageHelp: '正文，其中的 {{变量}} 占位符会用上下文填入。',
    triggerSummary: '里程碑未达成',
    notifySummary: '通过应用内收件箱发给项目负责人',
    startsWhen: '触发时机',
    noProblems: '没有问题',
    thisFlow: '此流程',
    steps: '3 个步骤。',
    saved: '所有修改已保存',
    nothingPublished: '尚未发布任何版本。',
  },
} as const;

type Locale = keyof typeof words;


/**
 * Data on the screen, not words of the designer: the flows' names (what someone called them, as
 * the other language's run did) and the signed-in person's name.
 */
async function dataOnScreen(): Promise<string[]> {
  const flows = await call<{ name: string }[]>(designer.system.app, 'GET', '/api/flows');
  return [...flows.body.map((flow) => flow.name), 'Olga Ops'];
}

async function checkScreen(page: Page, locale: Locale): Promise<void> {
  expect(await seriousAxeFindings(page)).toEqual([]);
  if (locale === 'zh-CN') {
    const left = await englishLeftOn(page, await dataOnScreen());
    expect(left).toEqual([]);
  }
}

describe('the designer in two languages', () => {
  it.each(Object.keys(words) as Locale[])(
    'lets an operations person reading %s make a flow, add a step from the palette and set it up, every word in their language',
    { timeout: 120_000 },
    async (locale) => {
      const w = words[locale];
      const page = await designer.newPage({ locale });
      const flowName = `${w.flowName} ${randomUUID().slice(0, 4)}`;

      // The flow list, and a new flow made from only a trigger.
      await page.goto(`${designer.url}/flows`);
      await page.getByRole('heading', { name: w.flows, exact: true }).waitFor();
      await page.getByTestId('flow-table').waitFor();
      await checkScreen(page, locale);
      await page.getByRole('button', { name: w.newFlow }).click();
      await page.getByRole('dialog').getByLabel(w.name).fill(flowName);
      await checkScreen(page, locale);
      await page.getByRole('button', { name: w.create }).click();
      await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);
      await step(page, 'trigger').waitFor();

      // The palette groups the kinds of step and names them in the page's language.
      const palette = page.getByRole('navigation', { name: locale === 'zh-CN' ? '可添加的步骤' : 'Steps to add' });
      await expect.poll(() => palette.getByRole('heading', { name: w.peopleGroup }).count()).toBe(1);
      expect(await page.getByTestId('palette-approval').textContent()).toBe(w.approval);
      expect(await page.getByTestId('palette-notify').getAttribute('title')).toBe(w.notifyHelp);
      await expect.poll(() => step(page, 'trigger').textContent()).toContain(w.triggerSummary);

      // Add a notification and an end, and wire them after the trigger.
      await page.getByTestId('palette-notify').click();
      await expect.poll(() => canvasSteps(page)).toContain('notify');
      await page.getByTestId('palette-end').click();
      await expect.poll(() => canvasSteps(page)).toContain('end');
      await drawConnection(page, { node: 'trigger', port: 'next' }, { node: 'notify' });
      await expect.poll(() => canvasEdges(page)).toContain('trigger-next-notify');
      await drawConnection(page, { node: 'notify', port: 'next' }, { node: 'end' });
      await expect.poll(() => canvasEdges(page)).toContain('notify-next-end');
      await expect.poll(() => page.getByTestId('problems-badge').textContent()).toBe(w.noProblems);

      // The step's settings: its name, help and form titles in the page's language; its summary on the canvas.
      await step(page, 'notify').click();
      const settings = page.getByTestId('step-settings');
      await expect.poll(() => settings.getByRole('heading', { level: 2 }).textContent()).toBe(w.notify);
      expect(await settings.locator('.help').textContent()).toBe(w.notifyHelp);
      expect(await settings.locator('[data-field="recipient"] .field__label').first().textContent()).toBe(w.recipient);
      expect(await settings.locator('[data-field="message"] .field__help').textContent()).toBe(w.messageHelp);
      expect(await step(page, 'notify').locator('.step__summary').textContent()).toBe(w.notifySummary);
      await checkScreen(page, locale);
      await designer.screenshot(page, `editor-${locale === 'zh-CN' ? 'zh-CN' : 'en'}`);

      // The trigger's form chooses the event by its name in the page's language.
      await step(page, 'trigger').click();
      expect(await settings.locator('[data-field="event"] .field__label').textContent()).toBe(w.startsWhen);
      await checkScreen(page, locale);

      // With nothing selected, the panel sums the flow up; saving says so in the page's language.
      await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
      await page.getByRole('heading', { name: w.thisFlow }).waitFor();
      expect(await page.getByText(w.steps, { exact: true }).count()).toBe(1);
      await page.keyboard.press('Control+s');
      await expect.poll(() => page.getByTestId('save-state').textContent()).toBe(w.saved);
      await checkScreen(page, locale);

      // The versions menu: only the draft, nothing published yet.
      await page.getByTestId('versions-button').click();
      await expect.poll(() => page.getByTestId('versions-menu').textContent()).toContain(w.nothingPublished);
      await checkScreen(page, locale);
    },
  );
});
