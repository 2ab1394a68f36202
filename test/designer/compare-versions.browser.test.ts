// The API (through browser-support) is imported before the flow language on purpose: zod schemas
// made before @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { useDesigner } from './browser-support';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createFlowActivities } from '../../activities/flow/flow-activities';
import { systemClock } from '../../activities/clock';
import { milestoneMissEscalationFlow, type FlowDraft } from '../../workflows/flow';
import { seriousAxeFindings } from '../support/axe';
import { createOrgChart, createProject } from '../support/factories';
import { call } from '../support/http';
import { capturingMailer } from '../support/system';

const designer = useDesigner();

/** What is marked on the canvas, by step or connection id: "added", "changed" or "removed". */
function marks(page: Page, selector: '.react-flow__node' | '.react-flow__edge'): Promise<Record<string, string>> {
  return page.locator(selector).evaluateAll((items) =>
    Object.fromEntries(
      items.flatMap((item) => {
        const mark = [...item.classList].find((name) => name.startsWith('diff-'));
        return mark === undefined ? [] : [[(item as HTMLElement).dataset.id ?? '', mark.slice('diff-'.length)]];
      }),
    ),
  );
}

async function publish(flowId: string): Promise<void> {
  const published = await call(designer.system.app, 'POST', `/api/flows/${flowId}/publish`, {});
  expect(published.status, JSON.stringify(published.body)).toBe(201);
}

describe('comparing versions of a flow', () => {
  it('shows one added step and one changed setting between two published versions, exactly those, and the run that stays on version 1', async () => {
    // Version 1: the default escalation flow; a run of it is still running.
    const first: FlowDraft = { ...structuredClone(milestoneMissEscalationFlow), name: `Compared ${randomUUID().slice(0, 8)}` };
    const flowId = await designer.createFlow(first);
    await publish(flowId);
    const versions = await call<{ id: string; version: number }[]>(designer.system.app, 'GET', `/api/flows/${flowId}/versions`);
    const org = await createOrgChart(designer.system.app);
    const project = await createProject(designer.system.app, org.rep.id, 'Compared');
    await createFlowActivities({ db: designer.system.db, clock: systemClock, mailer: capturingMailer() }).registerRun({
      workflowId: `compare-run-${randomUUID()}`,
      flowVersionId: versions.body[0]?.id ?? '',
      projectId: project.id,
      event: 'milestone_missed',
      subjectId: project.id,
    });

    // Version 2: one more step before the last end, and a shorter time to acknowledge.
    const second = structuredClone(first);
    second.nodes.push({ id: 'note', kind: 'notify', label: 'Tell the team', config: { recipient: { kind: 'project_owner' }, channel: 'inbox', subject: 'Unanswered', message: 'Nobody answered.' }, position: { x: 1400, y: 320 } });
    second.edges = second.edges.filter((edge) => edge.id !== 'tell_owner-next-unanswered');
    second.edges.push({ id: 'tell_owner-next-note', source: 'tell_owner', sourcePort: 'next', target: 'note', targetPort: 'in' });
    second.edges.push({ id: 'note-next-unanswered', source: 'note', sourcePort: 'next', target: 'unanswered', targetPort: 'in' });
    const ack = second.nodes.find((node) => node.id === 'ack');
    if (ack === undefined) throw new Error('The escalation flow has no acknowledgement step.');
    ack.config = { ...(ack.config as object), timeout: { amount: 24, unit: 'hours' } };
    expect((await call(designer.system.app, 'PUT', `/api/flows/${flowId}/draft`, { draft: second })).status).toBe(200);
    await publish(flowId);

    const page = await designer.newPage();
    await page.goto(`${designer.url}/flows/${flowId}/compare?from=1&to=2`);
    await page.locator('[data-testid="canvas"][data-fitted]').waitFor();
    await page.getByTestId('running-v1').waitFor();
    await designer.screenshot(page, 'compare-v1-v2');

    // On the canvas: the added step and the changed one, nothing else; the rewired end ghosted.
    expect(await marks(page, '.react-flow__node')).toEqual({ note: 'added', ack: 'changed' });
    expect(await marks(page, '.react-flow__edge')).toEqual({
      'tell_owner-next-note': 'added',
      'note-next-unanswered': 'added',
      'tell_owner-next-unanswered': 'removed',
    });

    // Beside it, in words: the changed setting by the name the settings form gives it.
    const list = page.getByTestId('change-list');
    expect(await list.locator('[data-testid^="change-step-"]').evaluateAll((items) => items.map((item) => `${item.getAttribute('data-mark')} ${item.getAttribute('data-testid')}`))).toEqual([
      'added change-step-note',
      'changed change-step-ack',
    ]);
    expect(await page.getByTestId('change-step-note').textContent()).toContain('Tell the team');
    expect(await page.getByTestId('change-step-ack').locator('.change__fields li').allTextContents()).toEqual(['Timeout']);
    expect(await page.getByTestId('running-v1').textContent()).toContain('1 run running, staying on version 1');
    expect(await page.getByTestId('running-v2').textContent()).toContain('no runs running');
    expect(await seriousAxeFindings(page)).toEqual([]);

    // Before publishing again: from the draft's Versions menu, the draft against version 2 — the same.
    await page.goto(`${designer.url}/flows/${flowId}`);
    await page.getByTestId('versions-button').click();
    await page.getByTestId('compare-link').click();
    await page.waitForURL(/\/compare$/);
    await page.getByTestId('no-changes').waitFor();
    expect(await page.getByTestId('compare-from').inputValue()).toBe('2');
    expect(await page.getByTestId('compare-to').inputValue()).toBe('draft');
    expect(await marks(page, '.react-flow__node')).toEqual({});
  });
});
