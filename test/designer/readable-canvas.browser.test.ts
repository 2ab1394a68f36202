// The API (through browser-support) is imported before the flow language on purpose: zod schemas
// made before @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { nextFrames, useDesigner } from './browser-support';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { milestoneMissEscalationFlow } from '../../workflows/flow';
import { seriousAxeFindings } from '../support/axe';
import { call } from '../support/http';

const designer = useDesigner();

/** The rendered size of each step's title text: its font size times the canvas zoom. */
function titleSizes(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport');
    if (viewport === null) return [];
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    return [...document.querySelectorAll('.step__title')].map((title) => parseFloat(getComputedStyle(title).fontSize) * zoom);
  });
}

interface Crossing {
  readonly edge: string;
  readonly step: string;
  readonly at: { x: number; y: number };
}

/**
 * Every place where an edge's drawn line runs through a step other than the two it joins, found
 * by sampling each path every few pixels on screen and testing the points against the steps' boxes.
 */
function edgesThroughSteps(page: Page, ends: Record<string, { source: string; target: string }>): Promise<Crossing[]> {
  return page.evaluate((ends) => {
    const steps = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((node) => ({ id: node.dataset.id ?? '', box: node.getBoundingClientRect() }));
    const crossings: Crossing[] = [];
    for (const edge of document.querySelectorAll<SVGGElement>('.react-flow__edge')) {
      const id = edge.dataset.id ?? '';
      const path = edge.querySelector<SVGPathElement>('path.react-flow__edge-path');
      const matrix = path?.getScreenCTM();
      if (path === null || path === undefined || matrix === null || matrix === undefined) continue;
      const length = path.getTotalLength();
      for (let along = 0; along <= length; along += 2) {
        const point = new DOMPoint(path.getPointAtLength(along).x, path.getPointAtLength(along).y).matrixTransform(matrix);
        for (const step of steps) {
          if (step.id === ends[id]?.source || step.id === ends[id]?.target) continue;
          // A pixel of slack: a line along a step's border does not pass through it.
          const inside = point.x > step.box.left + 1 && point.x < step.box.right - 1 && point.y > step.box.top + 1 && point.y < step.box.bottom - 1;
          if (inside && !crossings.some((c) => c.edge === id && c.step === step.id)) crossings.push({ edge: id, step: step.id, at: { x: Math.round(point.x), y: Math.round(point.y) } });
        }
      }
    }
    return crossings;
  }, ends);
}

describe('a canvas you can read', () => {
  it('opens the default escalation flow at 1440×900 with step titles of at least 12 px and no edge through a step', async () => {
    const flows = await call<{ id: string; name: string }[]>(designer.system.app, 'GET', '/api/flows');
    const flow = flows.body.find((f) => f.name === milestoneMissEscalationFlow.name);
    expect(flow).toBeDefined();
    const page = await designer.newPage();
    expect(page.viewportSize()).toEqual({ width: 1440, height: 900 });
    await page.goto(`${designer.url}/flows/${flow?.id ?? ''}`);
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByTestId('problems-badge').waitFor();
    // The canvas marks when its opening fit has landed.
    await page.locator('[data-testid="canvas"][data-fitted]').waitFor();
    await expect.poll(() => page.locator('.react-flow__edge path.react-flow__edge-path').count()).toBe(milestoneMissEscalationFlow.edges.length);
    await nextFrames(page);
    await designer.screenshot(page, 'readable-escalation');

    const sizes = await titleSizes(page);
    expect(sizes).toHaveLength(milestoneMissEscalationFlow.nodes.length);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(12);

    const ends = Object.fromEntries(milestoneMissEscalationFlow.edges.map((e) => [e.id, { source: e.source, target: e.target }]));
    expect(await edgesThroughSteps(page, ends)).toEqual([]);

    // Left to right: the trigger is the leftmost step and is on screen, where reading starts.
    const trigger = await page.getByTestId('step-missed').boundingBox();
    const canvas = await page.getByTestId('canvas').boundingBox();
    expect(trigger !== null && canvas !== null && trigger.x >= canvas.x && trigger.x + trigger.width <= canvas.x + canvas.width).toBe(true);

    expect(await seriousAxeFindings(page)).toEqual([]);
  });
});
