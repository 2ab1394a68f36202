// The API (through browser-support) is imported before the flow language on purpose: zod schemas
// made before @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { canvasEdges, canvasSteps, nextFrames, openEditor, shortcut, step, useDesigner } from './browser-support';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { milestoneMissEscalationFlow } from '../../workflows/flow';
import { call } from '../support/http';

const designer = useDesigner();

function escalationCopy() {
  return { ...structuredClone(milestoneMissEscalationFlow), name: `Undo practice ${randomUUID().slice(0, 8)}` };
}

describe('undo, redo, copy and paste in the designer', () => {
  it('undoes and redoes adding a step, a settings change and a paste, one step at a time', async () => {
    const flowId = await designer.createFlow(escalationCopy());
    const page = await designer.newPage();
    await openEditor(page, designer.url, flowId);
    const original = await canvasSteps(page);

    // A step dragged from the palette onto the canvas lands there.
    await page.getByTestId('palette-delay').dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 150, y: 120 } });
    await expect.poll(() => canvasSteps(page)).toEqual([...original, 'delay']);

    await page.keyboard.press(shortcut.undo);
    await expect.poll(() => canvasSteps(page)).toEqual(original);
    await page.keyboard.press(shortcut.redo);
    await expect.poll(() => canvasSteps(page)).toEqual([...original, 'delay']);

    // A settings change is one undo step, however many keys it took.
    await step(page, 'delay').click();
    const amount = page.getByTestId('step-settings').getByLabel('Wait for: Amount');
    await amount.fill('');
    await amount.pressSequentially('12');
    await expect.poll(() => step(page, 'delay').textContent()).toContain('Wait 12 business days');
    await page.getByTestId('canvas').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press(shortcut.undo);
    await expect.poll(() => step(page, 'delay').textContent()).toContain('Wait 1 business day');
    await page.keyboard.press(shortcut.redo);
    await expect.poll(() => step(page, 'delay').textContent()).toContain('Wait 12 business days');

    // Copy two connected steps and paste them: new ids, their connection comes along.
    await step(page, 'escalate').click();
    await step(page, 'ack').click({ modifiers: ['Shift'] });
    await nextFrames(page);
    await page.keyboard.press(shortcut.copy);
    await page.keyboard.press(shortcut.paste);
    await expect.poll(() => canvasSteps(page)).toEqual([...original, 'delay', 'escalate_2', 'ack_2']);
    expect(await canvasEdges(page)).toContain('escalate_2-next-ack_2');
    await designer.screenshot(page, '8-pasted');

    await page.keyboard.press(shortcut.undo);
    await expect.poll(() => canvasSteps(page)).toEqual([...original, 'delay']);
    await page.keyboard.press(shortcut.undo);
    await page.keyboard.press(shortcut.undo);
    await expect.poll(() => canvasSteps(page)).toEqual(original);

    // Delete removes the selected step and its connections; undo brings both back.
    const edges = await canvasEdges(page);
    await step(page, 'ack').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => canvasSteps(page)).not.toContain('ack');
    expect((await canvasEdges(page)).some((edge) => edge.includes('ack'))).toBe(false);
    await page.keyboard.press(shortcut.undo);
    await expect.poll(() => canvasEdges(page)).toEqual(edges);

    // Nothing of this was saved: the API still has the flow as it was created.
    const saved = await call<{ draft: { nodes: unknown[] } }>(designer.system.app, 'GET', `/api/flows/${flowId}`);
    expect(saved.body.draft.nodes).toHaveLength(original.length);
    expect(await page.getByTestId('save-state').textContent()).toBe('Unsaved changes');
  });
});
