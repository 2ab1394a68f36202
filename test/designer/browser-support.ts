// Shared by the designer's browser tests: the real API and web page on a free port (on this file's
// PostgreSQL and Temporal from the integration setup), and Debian's Chromium driven by playwright-core.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect, vi } from 'vitest';
import type { FlowDraft } from '../../workflows/flow';
import { artifactsDir, createSignInPerson, useServedApp, type PageOptions, type SignInPerson } from '../support/browser';
import { call } from '../support/http';
import type { TestSystem } from '../support/system';

export { artifactsDir, chromiumOptions, designerDist } from '../support/browser';

export interface DesignerContext {
  readonly system: TestSystem;
  readonly url: string;
  /** A fresh page (own browser context) at 1440×900, signed in as the file's operations person; page errors fail the test. */
  newPage(options?: PageOptions): Promise<Page>;
  /** A fresh page signed in as someone else (say, a person who may only read flows). */
  newPageAs(person: SignInPerson, options?: PageOptions): Promise<Page>;
  /** Creates a flow through the API and returns its id. */
  createFlow(draft: FlowDraft): Promise<string>;
  screenshot(page: Page, name: string): Promise<void>;
}

export function useDesigner(): DesignerContext {
  vi.setConfig({ expect: { poll: { timeout: 10_000, interval: 50 } } });
  const served = useServedApp({ worker: false, pageTimeoutMs: 15_000, failurePrefix: 'failed-' });
  // Flows are drawn and published by operations staff; one such person signs in for every page.
  let designerPerson: SignInPerson | undefined;
  beforeAll(async () => {
    designerPerson = await createSignInPerson(served.system.app, 'Olga Ops', { role: 'ops' });
  });
  return {
    get system() {
      return served.system;
    },
    get url() {
      return served.url;
    },
    newPage: (options) => {
      if (designerPerson === undefined) throw new Error('The operations person has not been created yet.');
      return served.signedInPage(designerPerson, options);
    },
    newPageAs: (person, options) => served.signedInPage(person, options),
    async createFlow(draft) {
      const response = await call<{ id: string }>(served.system.app, 'POST', '/api/flows', { draft });
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
