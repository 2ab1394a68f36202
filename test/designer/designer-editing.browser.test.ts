// The API (through browser-support) is imported before the flow language on purpose: zod schemas
// made before @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { canvasEdges, canvasSteps, drawConnection, shortcut, step, useDesigner } from './browser-support';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planApprovalFlow, type FlowDraft } from '../../workflows/flow';
import { createSignInPerson } from '../support/browser';
import { call } from '../support/http';
import { admin } from '../support/identities';

const designer = useDesigner();

describe('drawing a flow in the designer', () => {
  it('lets an operations person start from a default flow, add and connect a step, fix its problem, save and publish version 1', async () => {
    const person = await call<{ id: string; name: string }>(designer.system.app, 'POST', '/api/users', {
      name: `Dana Approver ${randomUUID().slice(0, 6)}`,
      email: `dana-${randomUUID()}@example.com`,
    });
    expect(person.status).toBe(201);
    const page = await designer.newPage();
    const flowName = `Escalation drawn in a browser ${randomUUID().slice(0, 8)}`;

    // Start a new flow from the default escalation flow.
    await page.goto(`${designer.url}/flows`);
    await page.getByRole('heading', { name: 'Flows' }).waitFor();
    await page.getByRole('button', { name: 'New flow' }).click();
    await page.getByLabel('Name').fill(flowName);
    const template = page.getByRole('dialog').locator('label.starter', { hasText: 'Milestone miss escalation (3 levels, 48 h to acknowledge)' });
    // The template counts its steps as the editor will: every box, the trigger and the ends too.
    expect(await template.textContent()).toContain('7 steps, ready to adapt.');
    await template.click();
    await page.getByRole('button', { name: 'Create and open' }).click();
    await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);
    const flowId = page.url().split('/').pop() ?? '';
    await page.locator('.react-flow__node').first().waitFor();
    await expect.poll(() => page.getByTestId('problems-badge').textContent()).toBe('No problems');
    expect(await canvasSteps(page)).toHaveLength(7);
    await designer.screenshot(page, '1-default-flow');
    // The flow opens at a readable zoom, wider than the canvas; seen whole, every step is in reach.
    await page.getByRole('button', { name: 'Fit View' }).click();

    // Add a notification from the palette: on its own it cannot be reached, and the step says so.
    await page.getByTestId('palette-notify').click();
    await expect.poll(() => canvasSteps(page)).toContain('notify');
    await expect.poll(() => step(page, 'notify').getAttribute('class')).toContain('step--problem');
    await expect.poll(() => step(page, 'notify').getByRole('alert').textContent()).toContain('cannot be reached from the trigger');
    await designer.screenshot(page, '2-new-step-with-problem');

    // An output that already leads somewhere cannot take a second connection; the reason is shown.
    const edgesBefore = await canvasEdges(page);
    await drawConnection(page, { node: 'escalate', port: 'next' }, { node: 'notify' });
    await expect.poll(() => page.getByTestId('connection-hint').textContent()).toContain('This output already leads somewhere');
    expect(await canvasEdges(page)).toEqual(edgesBefore);
    await designer.screenshot(page, '3-refused-connection');

    // Replace the final End with the new step followed by a fresh End.
    await step(page, 'unanswered').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => canvasSteps(page)).not.toContain('unanswered');
    await drawConnection(page, { node: 'tell_owner', port: 'next' }, { node: 'notify' });
    await expect.poll(() => canvasEdges(page)).toContain('tell_owner-next-notify');
    await page.getByTestId('palette-end').click();
    await expect.poll(() => canvasSteps(page)).toContain('end');
    await drawConnection(page, { node: 'notify', port: 'next' }, { node: 'end' });
    await expect.poll(() => canvasEdges(page)).toContain('notify-next-end');
    await expect.poll(() => page.getByTestId('problems-badge').textContent()).toBe('No problems');

    // Address the message to one named person: until one is chosen, the step shows the problem.
    await step(page, 'notify').click();
    const settings = page.getByTestId('step-settings');
    await settings.getByLabel('Recipient').selectOption({ label: 'A person' });
    await expect.poll(() => step(page, 'notify').getByRole('alert').textContent()).toContain('must be a person chosen from the list');
    await expect.poll(() => settings.locator('[data-field="recipient.userId"] .field__error').textContent()).toContain('must be a person chosen from the list');
    await designer.screenshot(page, '4-problem-in-side-panel');
    // The picker lists the org chart's people by name; the flow stores the chosen person's id.
    await settings.getByLabel('Person').selectOption(person.body.id);
    expect(await settings.getByLabel('Person').locator('option:checked').textContent()).toContain(person.body.name);
    await expect.poll(() => step(page, 'notify').getAttribute('class')).not.toContain('step--problem');
    await expect.poll(() => page.getByTestId('problems-badge').textContent()).toBe('No problems');

    // Save with the keyboard; the API has the drawn flow.
    await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press(shortcut.save);
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('All changes saved');
    const saved = await call<{ draft: FlowDraft; versions: unknown[] }>(designer.system.app, 'GET', `/api/flows/${flowId}`);
    expect(saved.body.draft.name).toBe(flowName);
    expect(saved.body.draft.nodes.find((node) => node.id === 'notify')?.config).toMatchObject({ recipient: { kind: 'user', userId: person.body.id } });
    expect(saved.body.draft.edges.map((edge) => `${edge.source}-${edge.sourcePort}-${edge.target}`)).toEqual(
      expect.arrayContaining(['tell_owner-next-notify', 'notify-next-end']),
    );
    expect(saved.body.versions).toEqual([]);

    // Publish: version 1 appears in the version list and opens read-only.
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('Published as version 1');
    await page.getByTestId('versions-button').click();
    await page.getByTestId('versions-menu').getByText('Version 1').waitFor();
    await designer.screenshot(page, '5-published');
    await page.getByTestId('versions-menu').getByText('Version 1').click();
    await page.waitForURL(new RegExp(`/flows/${flowId}/versions/1$`));
    await expect.poll(() => page.getByTestId('read-only-badge').textContent()).toContain('Version 1');
    await expect.poll(() => canvasSteps(page)).toContain('notify');
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await designer.screenshot(page, '6-version-1-read-only');
    const versions = await call<{ version: number }[]>(designer.system.app, 'GET', `/api/flows/${flowId}/versions`);
    expect(versions.body.map((v) => v.version)).toEqual([1]);
  });

  it('refuses to publish a flow with a problem and shows the API’s explanation on the step', async () => {
    const page = await designer.newPage();
    await page.goto(`${designer.url}/flows`);
    await page.getByRole('button', { name: 'New flow' }).click();
    await page.getByLabel('Name').fill(`Half-drawn ${randomUUID().slice(0, 8)}`);
    await page.getByRole('button', { name: 'Create and open' }).click();
    await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);
    await step(page, 'trigger').waitFor();

    const refusal = page.waitForResponse((response) => response.url().endsWith('/publish'));
    await page.getByRole('button', { name: 'Publish' }).click();
    const response = await refusal;
    expect(response.status()).toBe(422);
    const body = (await response.json()) as { error: { message: string; details: { nodeId?: string; message: string }[] } };
    const detail = body.error.details.find((d) => d.nodeId === 'trigger');
    expect(detail?.message).toContain('is not connected');

    await expect.poll(() => page.getByTestId('notice').textContent()).toContain(body.error.message);
    await expect.poll(() => step(page, 'trigger').getByRole('alert').textContent()).toContain(detail?.message ?? '');
    await expect.poll(() => page.getByTestId('problems-list').textContent()).toContain(detail?.message ?? '');
    await designer.screenshot(page, '7-publish-refused');

    // Clicking the problem in the list selects the step and shows its settings.
    await page.getByTestId('problems-list').getByRole('button').first().click();
    await page.getByTestId('step-settings').getByRole('heading', { name: 'Trigger' }).waitFor();
    expect(await step(page, 'trigger').getAttribute('class')).toContain('step--selected');
  });

  it('asks before a link in the app leaves a flow with unsaved changes, and stays when told to', async () => {
    const page = await designer.newPage();
    await page.goto(`${designer.url}/flows`);
    await page.getByRole('button', { name: 'New flow' }).click();
    await page.getByLabel('Name').fill(`Unsaved ${randomUUID().slice(0, 8)}`);
    await page.getByRole('button', { name: 'Create and open' }).click();
    await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);
    const editor = page.url();
    await step(page, 'trigger').waitFor();

    // Nothing changed yet: the link just goes.
    await page.getByRole('link', { name: '← Flows' }).click();
    await page.waitForURL(/\/flows$/);
    await page.goto(editor);
    await step(page, 'trigger').waitFor();

    await page.getByTestId('palette-notify').click();
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Unsaved changes');
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Projects' }).click();
    await expect.poll(() => asked).toEqual(['This flow has changes that are not saved. Leave and lose them?']);
    expect(page.url()).toBe(editor);
    expect(await canvasSteps(page)).toContain('notify');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('link', { name: '← Flows' }).click();
    await page.waitForURL(/\/flows$/);
  });

  it('archives a flow from the list after asking, says which binding keeps one in use, and restores it', async () => {
    const tag = randomUUID().slice(0, 8);
    const loose = await designer.createFlow({ ...structuredClone(planApprovalFlow), name: `Loose ${tag}` });
    const bound = await designer.createFlow({ ...structuredClone(planApprovalFlow), name: `Bound ${tag}` });
    expect((await call(designer.system.app, 'POST', `/api/flows/${bound}/publish`, {})).status).toBe(201);
    const project = await call(designer.system.app, 'POST', '/api/projects', { name: `Archive ${tag}`, ownerId: admin().id, periodStart: new Date().toISOString(), periodEnd: new Date(Date.now() + 86_400_000).toISOString() });
    expect((await call(designer.system.app, 'PUT', '/api/flow-bindings', { triggerEvent: 'plan_submitted', projectId: project.body.id, flowId: bound })).status).toBe(200);

    const page = await designer.newPage();
    await page.goto(`${designer.url}/flows`);
    const table = page.getByTestId('flow-table');
    await table.getByText(`Loose ${tag}`).waitFor();
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await page.getByTestId(`archive-${loose}`).click();
    await expect.poll(() => table.getByText(`Loose ${tag}`).count()).toBe(0);
    expect(asked[0]).toContain(`Archive “Loose ${tag}”?`);

    // One still bound stays, and the page says where it is bound.
    await page.getByTestId(`archive-${bound}`).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('still starts on 1 binding');
    expect(await page.getByRole('alert').textContent()).toContain(`Plan submitted for project "Archive ${tag}"`);
    expect(await table.getByText(`Bound ${tag}`).count()).toBe(1);

    // Archived, it opens read-only and says why.
    await page.getByTestId('show-archived').click();
    const archived = page.getByTestId('archived-flow-table');
    await archived.getByText(`Loose ${tag}`).waitFor();
    await designer.screenshot(page, '8-archived-flows');
    await archived.getByText(`Loose ${tag}`).click();
    await page.waitForURL(new RegExp(`/flows/${loose}$`));
    await expect.poll(() => page.getByTestId('archived-badge').count()).toBe(1);
    expect(await page.getByTestId('palette-notify').count()).toBe(0);

    await page.goto(`${designer.url}/flows`);
    await page.getByTestId('show-archived').click();
    await page.getByTestId(`restore-${loose}`).click();
    await expect.poll(() => table.getByText(`Loose ${tag}`).count()).toBe(1);
    // The two lists are fetched again each on its own: the archived one may answer after the other.
    await expect.poll(() => archived.getByText(`Loose ${tag}`).count()).toBe(0);
  });

  it('shows flows to someone outside operations read-only: nothing to create, import, save or publish', async () => {
    const flowId = await designer.createFlow({ ...structuredClone(planApprovalFlow), name: `Read only ${randomUUID().slice(0, 8)}` });
    const page = await designer.newPageAs(await createSignInPerson(designer.system.app, 'Mia Member'));
    await page.goto(`${designer.url}/flows`);
    await page.getByTestId('flow-table').waitFor();
    expect(await page.getByRole('button', { name: 'New flow' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Import from file' }).count()).toBe(0);

    await page.goto(`${designer.url}/flows/${flowId}`);
    await page.locator('.react-flow__node').first().waitFor();
    for (const name of ['Publish', 'Save draft', 'Import', 'Tidy up']) expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    expect(await page.getByRole('button', { name: 'Export' }).count()).toBe(1);
    expect(await page.getByTestId('palette-notify').count()).toBe(0);
  });
});
