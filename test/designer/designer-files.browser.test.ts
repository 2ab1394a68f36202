// The API (through browser-support) is imported before the flow language on purpose: zod schemas
// made before @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { canvasSteps, openEditor, step, useDesigner } from './browser-support';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planApprovalFlow, type FlowDraft } from '../../workflows/flow';
import { call } from '../support/http';

const designer = useDesigner();
let filesDir = '';
beforeAll(async () => {
  filesDir = await mkdtemp(path.join(os.tmpdir(), 'milepost-flow-files-'));
});
afterAll(async () => {
  await rm(filesDir, { recursive: true, force: true });
});

describe('exporting and importing flows as files', () => {
  it('exports a flow to a file that imports back as a new flow with the very same steps', async () => {
    const draft: FlowDraft = { ...structuredClone(planApprovalFlow), name: `Round trip ${randomUUID().slice(0, 8)}` };
    const flowId = await designer.createFlow(draft);
    const page = await designer.newPage();
    await openEditor(page, designer.url, flowId);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^round-trip-[0-9a-f]{8}\.flow\.json$/);
    const file = path.join(filesDir, `exported-${randomUUID()}.flow.json`);
    await download.saveAs(file);
    const exported = JSON.parse(await readFile(file, 'utf8')) as unknown;
    expect(exported).toEqual(draft);
    expect(exported).toEqual((await call(designer.system.app, 'GET', `/api/flows/${flowId}/export`)).body);

    await page.goto(`${designer.url}/flows`);
    await page.getByTestId('list-import-input').setInputFiles(file);
    await page.waitForURL((url) => /\/flows\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(flowId));
    const importedId = page.url().split('/').pop() ?? '';
    await page.locator('.react-flow__node').first().waitFor();
    expect((await canvasSteps(page)).sort()).toEqual(draft.nodes.map((node) => node.id).sort());
    await expect.poll(() => page.getByTestId('problems-badge').textContent()).toBe('No problems');
    await designer.screenshot(page, '9-imported');
    const imported = await call<{ draft: FlowDraft }>(designer.system.app, 'GET', `/api/flows/${importedId}`);
    expect(imported.body.draft).toEqual(draft);
  });

  it('refuses a file that is not a flow, and a flow with problems, saying why', async () => {
    const page = await designer.newPage();
    await page.goto(`${designer.url}/flows`);

    const notAFlow = path.join(filesDir, `not-a-flow-${randomUUID()}.json`);
    await writeFile(notAFlow, JSON.stringify({ hello: 'world' }));
    await page.getByTestId('list-import-input').setInputFiles(notAFlow);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('is not a Milepost flow');

    const halfDrawn = path.join(filesDir, `half-drawn-${randomUUID()}.flow.json`);
    const onlyTrigger: FlowDraft = {
      schemaVersion: 1,
      name: `Half drawn ${randomUUID().slice(0, 8)}`,
      nodes: [{ id: 'start', kind: 'trigger', config: { event: 'milestone_missed' }, position: { x: 0, y: 0 } }],
      edges: [],
    };
    await writeFile(halfDrawn, JSON.stringify(onlyTrigger));
    await page.getByTestId('list-import-input').setInputFiles(halfDrawn);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('was not imported');
    expect(await page.getByRole('alert').textContent()).toContain('is not connected');
    expect(new URL(page.url()).pathname).toBe('/flows');
    await designer.screenshot(page, '10-import-refused');
  });

  it('loads a file into the open draft, laying out a flow that has no positions, and undo takes it back', async () => {
    const flowId = await designer.createFlow({ ...structuredClone(planApprovalFlow), name: `Replace me ${randomUUID().slice(0, 8)}` });
    const page = await designer.newPage();
    await openEditor(page, designer.url, flowId);
    const before = await canvasSteps(page);

    // A generated file: every step at the same spot, so the editor lays it out itself.
    const piled: FlowDraft = {
      schemaVersion: 1,
      name: 'Generated elsewhere',
      nodes: [
        { id: 'go', kind: 'trigger', config: { event: 'project_closed' }, position: { x: 0, y: 0 } },
        { id: 'retro', kind: 'start_retrospective', config: {}, position: { x: 0, y: 0 } },
        { id: 'done', kind: 'end', config: { result: 'done' }, position: { x: 0, y: 0 } },
      ],
      edges: [
        { id: 'e1', source: 'go', sourcePort: 'next', target: 'retro', targetPort: 'in' },
        { id: 'e2', source: 'retro', sourcePort: 'next', target: 'done', targetPort: 'in' },
      ],
    };
    const file = path.join(filesDir, `generated-${randomUUID()}.flow.json`);
    await writeFile(file, JSON.stringify(piled));
    await page.getByTestId('editor-import-input').setInputFiles(file);
    await expect.poll(() => canvasSteps(page)).toEqual(['go', 'retro', 'done']);
    await expect
      .poll(async () => {
        const boxes = await Promise.all(['go', 'retro', 'done'].map((id) => step(page, id).boundingBox()));
        const [a, b, c] = boxes;
        return a != null && b != null && c != null && a.x + a.width <= b.x && b.x + b.width <= c.x;
      })
      .toBe(true);
    expect(await page.getByLabel('Flow name').inputValue()).toBe('Generated elsewhere');
    await designer.screenshot(page, '11-loaded-into-draft');

    await page.getByTestId('canvas').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => canvasSteps(page)).toEqual(before);
  });
});
