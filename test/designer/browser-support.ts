// Shared by the designer's browser tests: the real API and web page on a free port (on this file's
// PostgreSQL and Temporal from the integration setup), and Debian's Chromium driven by playwright-core.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, onTestFailed, vi } from 'vitest';
import { freePort } from '../../activities/runtime/free-port';
import { createApp } from '../../api/app';
import type { FlowDraft } from '../../workflows/flow';
import { call } from '../support/http';
import { useSystem, type TestSystem } from '../support/system';

export const designerDist = fileURLToPath(new URL('../../designer/dist', import.meta.url));
export const artifactsDir = fileURLToPath(new URL('../artifacts', import.meta.url));

export const chromiumOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
};

export interface DesignerContext {
  readonly system: TestSystem;
  readonly url: string;
  /** A fresh page (own browser context) at 1440×900; page errors fail the test. */
  newPage(): Promise<Page>;
  /** Creates a flow through the API and returns its id. */
  createFlow(draft: FlowDraft): Promise<string>;
  screenshot(page: Page, name: string): Promise<void>;
}

export function useDesigner(): DesignerContext {
  // The page answers within milliseconds, but the whole suite shares two cores: give the page's
  // effects (debounced validation, layout) room before an expectation gives up.
  vi.setConfig({ expect: { poll: { timeout: 10_000, interval: 50 } } });
  const system = useSystem({ worker: false });
  let server: Server | undefined;
  let browser: Browser | undefined;
  let url = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(path.join(designerDist, 'index.html'))) {
      throw new Error('The web page is not built: run `npx vite build designer` first.');
    }
    await mkdir(artifactsDir, { recursive: true });
    const app = createApp({ db: system.db, temporal: { client: system.client, taskQueue: system.taskQueue }, designerDir: designerDist });
    const port = await freePort();
    server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }) as Server;
    url = `http://127.0.0.1:${port}`;
    browser = await chromium.launch(chromiumOptions);
  });

  afterEach(() => {
    const errors = pageErrors.splice(0);
    expect(errors, 'errors thrown in the page').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  });

  return {
    system,
    get url() {
      return url;
    },
    async newPage() {
      if (browser === undefined) throw new Error('The browser has not started.');
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      // What the page looked like when a test failed, to see why without rerunning it.
      onTestFailed(async ({ task }) => {
        await page.screenshot({ path: path.join(artifactsDir, `failed-${task.name.replace(/[^\w]+/g, '-').slice(0, 80)}.png`) }).catch(() => undefined);
      });
      return page;
    },
    async createFlow(draft) {
      const response = await call<{ id: string }>(system.app, 'POST', '/api/flows', { draft });
      expect(response.status).toBe(201);
      return response.body.id;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: path.join(artifactsDir, `designer-${name}.png`) });
    },
  };
}

/** A step on the canvas by its id. */
export function step(page: Page, id: string): Locator {
  return page.getByTestId(`step-${id}`);
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('The element is not visible.');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Draws a connection with the mouse, from an output handle to an input handle, as a person does. */
export async function drawConnection(page: Page, from: { node: string; port: string }, to: { node: string; port?: string }): Promise<void> {
  const source = page.locator(`.react-flow__handle.source[data-nodeid="${from.node}"][data-handleid="${from.port}"]`);
  const target = page.locator(`.react-flow__handle.target[data-nodeid="${to.node}"][data-handleid="${to.port ?? 'in'}"]`);
  // React Flow shows a new step once it has measured it and its handles; only then can it be wired.
  await source.waitFor({ state: 'visible' });
  await target.waitFor({ state: 'visible' });
  await nextFrames(page);
  const start = await centre(source);
  const end = await centre(target);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 8 });
  await page.mouse.move(end.x, end.y, { steps: 8 });
  // React Flow settles the hovered handle on the next frame; a person pauses there anyway.
  await nextFrames(page);
  await page.mouse.up();
}

/** Lets the page render twice, so measurements triggered by the last change have landed. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Edges on the canvas as "source:port->target". */
export async function canvasEdges(page: Page): Promise<string[]> {
  return page.locator('.react-flow__edge').evaluateAll((edges) =>
    edges.map((edge) => edge.getAttribute('data-testid') ?? '').map((id) => id.replace(/^rf__edge-/, '')),
  );
}

/** Ids of the steps on the canvas. */
export async function canvasSteps(page: Page): Promise<string[]> {
  return page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id') ?? ''));
}

/** Opens a flow's editor and waits until its steps are on the canvas and validated. */
export async function openEditor(page: Page, url: string, flowId: string): Promise<void> {
  await page.goto(`${url}/flows/${flowId}`);
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByTestId('problems-badge').waitFor();
}

export const shortcut = {
  undo: 'Control+z',
  redo: 'Control+Shift+z',
  copy: 'Control+c',
  paste: 'Control+v',
  save: 'Control+s',
};
