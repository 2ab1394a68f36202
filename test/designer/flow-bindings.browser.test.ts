// The API (through support/browser) is imported before the flow language on purpose: zod schemas
// made before @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { artifactsDir, createSignInPerson, useServedApp, type SignInPerson } from '../support/browser';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createOrgChart, createProject, inSeconds, startExecution } from '../support/factories';
import { seriousAxeFindings } from '../support/axe';
import { canvasEdges, canvasSteps, drawConnection, shortcut } from './browser-support';

vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } });
const served = useServedApp({ worker: true, pageTimeoutMs: 20_000, failurePrefix: 'bindings-' });
const app = () => served.system.app;

let ops: SignInPerson;
beforeAll(async () => {
  ops = await createSignInPerson(app(), 'Olga Ops', { role: 'ops' });
});

const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(artifactsDir, `bindings-${name}.png`) });

/** Time enough for the person to draw, publish and bind before the milestone falls due. */
const secondsToDraw = 60;

describe('where a flow runs', () => {
  it('lets an operations person draw a flow, publish it, bind version 1 of it to a missed milestone for one project, and see the run it starts when that project misses one', { timeout: 360_000 }, async () => {
    // Setup, through the API: a project in execution whose one milestone falls due in a minute
    // with nothing reported, so it will be missed.
    const org = await createOrgChart(app());
    const project = await createProject(app(), org.rep.id, 'Bound in the browser', {
      periodEnd: inSeconds(secondsToDraw + 60),
      monitoringDays: 0,
      milestones: [{ name: 'First deals', dueAt: inSeconds(secondsToDraw), metric: 'revenue', targetValue: 1000, ownerId: org.rep.id }],
    });
    await startExecution(app(), project.id, org.rep);
    const dueAt = Date.now() + (secondsToDraw - 5) * 1000;

    // From here on, only what the person does in the web app.
    const page = await served.signedInPage(ops);
    const flowName = `Missed milestone, told to the owner ${randomUUID().slice(0, 8)}`;
    await page.goto(`${served.url}/flows`);
    await page.getByRole('button', { name: 'New flow' }).click();
    await page.getByLabel('Name').fill(flowName);
    await page.getByRole('dialog').getByText('Only a trigger').click();
    await page.getByRole('button', { name: 'Create and open' }).click();
    await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);
    const flowId = page.url().split('/').pop() ?? '';
    await page.locator('.react-flow__node').first().waitFor();

    // Draw: the trigger (on a missed milestone) → tell the project owner → end.
    await page.getByTestId('palette-notify').click();
    await expect.poll(() => canvasSteps(page)).toContain('notify');
    await drawConnection(page, { node: 'trigger', port: 'next' }, { node: 'notify' });
    await expect.poll(() => canvasEdges(page)).toContain('trigger-next-notify');
    await page.getByTestId('palette-end').click();
    await expect.poll(() => canvasSteps(page)).toContain('end');
    await drawConnection(page, { node: 'notify', port: 'next' }, { node: 'end' });
    await expect.poll(() => canvasEdges(page)).toContain('notify-next-end');
    await expect.poll(() => page.getByTestId('problems-badge').textContent()).toBe('No problems');
    await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press(shortcut.save);
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('All changes saved');
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('Published as version 1');

    // Bind it to this one project; the confirmation says what starts running.
    await page.getByRole('button', { name: 'Where it runs' }).click();
    const panel = page.getByTestId('bindings-panel');
    await panel.getByTestId('no-bindings').waitFor();
    await panel.getByLabel('Run this flow for').selectOption({ label: project.name });
    await panel.getByLabel('Version new runs use').selectOption({ label: 'Version 1 only' });
    expect(await seriousAxeFindings(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Bind', exact: true }).click();
    const confirmation = panel.getByRole('alertdialog');
    // What ran before is named too: the flow for all projects, if the instance has one, or nothing.
    expect(await confirmation.textContent()).toMatch(
      new RegExp(`^From now on, this flow runs for ${project.name} when a milestone is missed, (instead of “.+” \\(the flow for all projects\\)|where nothing runs today)\\.`),
    );
    expect(await confirmation.textContent()).toContain('New runs use version 1 until the binding is changed, whatever is published later.');
    await screenshot(page, '1-confirm');
    await confirmation.getByRole('button', { name: 'Confirm binding' }).click();
    await expect.poll(() => panel.getByTestId('binding').textContent()).toContain(project.name);
    expect(await panel.getByTestId('binding-version').textContent()).toContain('version 1, pinned');
    expect(Date.now(), 'the binding was made only after the milestone fell due; give the person more time').toBeLessThan(dueAt);
    await screenshot(page, '2-bound');

    // The project's page names the flow that runs when a milestone is missed, and why.
    await page.getByTestId('binding').getByRole('link', { name: project.name }).click();
    const missed = page.getByTestId('project-flow-milestone_missed');
    await expect.poll(() => missed.textContent()).toContain(flowName);
    expect(await missed.textContent()).toContain("this project's own binding");
    expect(await missed.textContent()).toContain('(version 1, pinned');
    expect(await seriousAxeFindings(page)).toEqual([]);

    // Once the milestone is missed, the run shows among version 1's runs on the flow's page.
    await missed.getByRole('link', { name: 'its runs' }).click();
    await page.waitForURL(new RegExp(`/flows/${flowId}/versions/1$`));
    const runs = page.getByTestId('runs-panel');
    await runs.waitFor();
    await expect
      .poll(
        async () => {
          await page.reload();
          await runs.waitFor();
          return runs.locator('.run-row').allTextContents();
        },
        { timeout: (secondsToDraw + 60) * 1000, interval: 3000 },
      )
      .toEqual([expect.stringContaining(project.name)]);
    expect((await runs.locator('.run-row').first().textContent()) ?? '').toContain('Milestone missed');
    await screenshot(page, '3-run');
  });
});
