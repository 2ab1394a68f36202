// Benchmark: the designer with a generated flow of 300 steps in Debian's Chromium.
// `npx tsx test/bench/designer-render.ts` (after `npx vite build designer`). Prints figures; asserts nothing.
//
// Figures: time until all steps are drawn and measured, frame times while 50 steps are dragged
// with the mouse one after another, the ELK layout ("Tidy up") of the whole flow, a settings
// keystroke until the step shows it, validation time in Node for comparison, and memory.
// The harness (and with it the API) comes first: zod schemas made before @hono/zod-openapi is
// loaded lack its `.openapi()`, which the API's schemas call.
import { startDesignerHarness } from './designer-harness';
import { randomUUID } from 'node:crypto';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { nodeDef, validateFlow, type FlowDraft, type NodeKind } from '../../workflows/flow';

const stepCount = 300;
const drags = 50;
const chromiumOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-precise-memory-info'],
};

/** A valid flow of `total` steps: a long chain of mixed steps whose side exits all lead to one End. */
export function generatedFlow(total: number): FlowDraft {
  const cycle: NodeKind[] = ['notify', 'delay', 'condition', 'set_status', 'wait_for_ack', 'create_task', 'webhook', 'escalate'];
  const nodes: FlowDraft['nodes'] = [];
  const edges: FlowDraft['edges'] = [];
  const columns = 20;
  const at = (index: number) => ({ x: (index % columns) * 300, y: Math.floor(index / columns) * 220 });
  nodes.push({ id: 'start', kind: 'trigger', config: { event: 'milestone_missed' }, position: at(0) });
  const middle = total - 3;
  let previous = { id: 'start', port: 'next' };
  const sideExits: { id: string; port: string }[] = [];
  for (let i = 0; i < middle; i += 1) {
    const kind = cycle[i % cycle.length] ?? 'delay';
    const id = `s${i + 1}`;
    nodes.push({ id, kind, label: `Step ${i + 1}`, config: structuredClone(nodeDef(kind).defaults), position: at(i + 1) });
    edges.push({ id: `e${edges.length}`, source: previous.id, sourcePort: previous.port, target: id, targetPort: 'in' });
    const [main, ...others] = kind === 'condition' ? ['true', 'false'] : kind === 'wait_for_ack' ? ['acknowledged', 'timed_out'] : kind === 'webhook' ? ['success', 'failure'] : kind === 'escalate' ? ['next', 'top_reached'] : ['next'];
    previous = { id, port: main ?? 'next' };
    for (const port of others) sideExits.push({ id, port });
  }
  nodes.push({ id: 'side_end', kind: 'end', config: { result: 'done' }, position: at(middle + 1) });
  nodes.push({ id: 'end', kind: 'end', config: { result: 'done' }, position: at(middle + 2) });
  edges.push({ id: `e${edges.length}`, source: previous.id, sourcePort: previous.port, target: 'end', targetPort: 'in' });
  for (const exit of sideExits) edges.push({ id: `e${edges.length}`, source: exit.id, sourcePort: exit.port, target: 'side_end', targetPort: 'in' });
  return { schemaVersion: 1, name: `Generated ${total}-step flow ${randomUUID().slice(0, 6)}`, nodes, edges };
}

function stats(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length);
  return { count: sorted.length, mean, p50: pick(0.5), p95: pick(0.95), max: sorted[sorted.length - 1] ?? 0 };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/**
 * Records every animation frame's duration in the page until the returned function is called.
 * Passed as text: tsx would wrap named functions in a helper the page does not have.
 */
async function startFrameRecorder(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(`(() => {
    const state = { frames: [], last: performance.now(), running: true };
    window.__frames = state;
    function tick(now) {
      state.frames.push(now - state.last);
      state.last = now;
      if (state.running) requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })()`);
  return async () => {
    const frames: unknown = await page.evaluate('(() => { window.__frames.running = false; return window.__frames.frames.slice(1); })()');
    return Array.isArray(frames) ? frames.filter((f): f is number => typeof f === 'number') : [];
  };
}

async function main() {
  const draft = generatedFlow(stepCount);
  let validationMs = performance.now();
  const diagnostics = validateFlow(draft);
  validationMs = performance.now() - validationMs;

  const harness = await startDesignerHarness();
  const browser = await chromium.launch(chromiumOptions);
  try {
    const created = await fetch(`${harness.url}/api/flows`, { method: 'POST', headers: harness.apiHeaders, body: JSON.stringify({ draft }) });
    if (created.status !== 201) throw new Error(`Creating the flow failed: ${created.status} ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };

    const page = await (await harness.signedInContext(browser, { viewport: { width: 1600, height: 1000 } })).newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    // Initial render: navigation start until every step is drawn and measured (visible).
    await page.goto(`${harness.url}/flows/${id}`);
    await page.waitForFunction((count) => {
      const nodes = document.querySelectorAll('.react-flow__node');
      return nodes.length === count && [...nodes].every((node) => (node as HTMLElement).style.visibility !== 'hidden');
    }, draft.nodes.length, { polling: 'raf', timeout: 60_000 });
    const initialRender = await page.evaluate(() => performance.now());
    await page.getByTestId('problems-badge').waitFor();
    const problemsShown = await page.getByTestId('problems-badge').textContent();
    const afterLoad = await metrics(cdp);

    // Zoom in so steps are big enough to grab, as someone working on part of a large flow would.
    for (let i = 0; i < 4; i += 1) await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.waitForTimeout(300);

    // 50 drags with the mouse, each of a different visible step, 12 pointer moves per drag.
    const visible = await page.locator('.react-flow__node').evaluateAll((nodes) =>
      nodes
        .map((node) => ({ id: node.getAttribute('data-id') ?? '', box: node.getBoundingClientRect() }))
        .filter(({ box }) => box.left > 240 && box.right < 1200 && box.top > 120 && box.bottom < 940)
        .map(({ id, box }) => ({ id, x: box.left + box.width / 2, y: box.top + 14 })),
    );
    if (visible.length === 0) throw new Error('No step is visible to drag.');
    const stop = await startFrameRecorder(page);
    const dragTimes: number[] = [];
    for (let i = 0; i < drags; i += 1) {
      const target = visible[i % visible.length];
      if (target === undefined) continue;
      const dx = i % 2 === 0 ? 30 : -30;
      const started = performance.now();
      await page.mouse.move(target.x, target.y);
      await page.mouse.down();
      await page.mouse.move(target.x + dx, target.y + 10, { steps: 12 });
      await page.mouse.up();
      dragTimes.push(performance.now() - started);
      target.x += dx;
      target.y += 10;
    }
    const frames = await stop();
    const afterDrags = await metrics(cdp);
    const moved = await page.getByTestId('save-state').textContent();

    // A keystroke in the side panel until the step on the canvas shows it.
    // Dragged steps may now overlap their neighbours, so the step is clicked where its title is.
    const firstVisible = visible[0];
    let typingMs = Number.NaN;
    if (firstVisible !== undefined) {
      await page.mouse.click(firstVisible.x, firstVisible.y);
      const selected = await page.locator('.react-flow__node.selected').first().getAttribute('data-id');
      const label = page.getByLabel('Name on the canvas');
      const startedTyping = performance.now();
      await label.fill('Renamed in the benchmark');
      await page.getByTestId(`step-${selected ?? firstVisible.id}`).getByText('Renamed in the benchmark').waitFor();
      typingMs = performance.now() - startedTyping;
    }

    // ELK layout of all steps, including loading ELK the first time.
    const firstPosition = await page.locator('.react-flow__node').first().getAttribute('style');
    const layoutStarted = performance.now();
    await page.getByRole('button', { name: 'Tidy up' }).click();
    await page.waitForFunction((before) => document.querySelector('.react-flow__node')?.getAttribute('style') !== before, firstPosition, { timeout: 120_000 });
    const layoutMs = performance.now() - layoutStarted;
    const end = await metrics(cdp);

    const frameStats = stats(frames);
    const dragStats = stats(dragTimes);
    const rows: [string, string][] = [
      ['steps / connections', `${draft.nodes.length} / ${draft.edges.length}`],
      ['validateFlow in Node (once)', `${ms(validationMs)} (${diagnostics.length} diagnostics)`],
      ['initial render (navigation → all steps measured)', ms(initialRender)],
      ['problems badge after load', problemsShown ?? ''],
      ['DOM nodes after load', String(afterLoad.Nodes ?? '?')],
      ['JS heap after load', mb(afterLoad.JSHeapUsedSize ?? 0)],
      [`${drags} mouse drags: time per drag (mean / p95)`, `${ms(dragStats.mean)} / ${ms(dragStats.p95)}`],
      ['frames during the drags', String(frameStats.count)],
      ['frame time (mean / p50 / p95 / max)', `${ms(frameStats.mean)} / ${ms(frameStats.p50)} / ${ms(frameStats.p95)} / ${ms(frameStats.max)}`],
      ['frames over 50 ms (janky)', String(frames.filter((f) => f > 50).length)],
      ['layouts / style recalcs during drags', `${(afterDrags.LayoutCount ?? 0) - (afterLoad.LayoutCount ?? 0)} / ${(afterDrags.RecalcStyleCount ?? 0) - (afterLoad.RecalcStyleCount ?? 0)}`],
      ['save state after drags', moved ?? ''],
      ['rename a step: typing → shown on canvas', ms(typingMs)],
      ['Tidy up (ELK) of all steps, first use', ms(layoutMs)],
      ['JS heap at the end', mb(end.JSHeapUsedSize ?? 0)],
      ['script / layout time in page, total', `${ms((end.ScriptDuration ?? 0) * 1000)} / ${ms((end.LayoutDuration ?? 0) * 1000)}`],
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    console.log(`\nDesigner benchmark (Chromium ${browser.version()}, ${new Date().toISOString()})`);
    for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
  } finally {
    await browser.close();
    await harness.stop();
  }
}

if (process.argv[1]?.endsWith('designer-render.ts')) await main();
