// The API (through support/browser) is imported before the flow language on purpose: zod schemas
// made before @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { createSignInPerson, useServedApp, type SignInPerson } from '../support/browser';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createFlowActivities } from '../../activities/flow/flow-activities';
import { systemClock } from '../../activities/clock';
import { artifactsDir } from '../support/browser';
import { bind, createOrgChart, createProject, publishFlow } from '../support/factories';
import { call, eventually } from '../support/http';
import { capturingMailer } from '../support/system';
import { singleApproval } from '../support/flow-shapes';
import type { FlowDocument } from '../../workflows/flow/graph-schema';

vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } });
const served = useServedApp({ worker: true, pageTimeoutMs: 15_000, failurePrefix: 'runs-' });
const app = () => served.system.app;

// Flows are looked after by operations staff, who see every project's runs.
let ops: SignInPerson;
beforeAll(async () => {
  ops = await createSignInPerson(app(), 'Olga Ops', { role: 'ops' });
});

/** plan_submitted → the approver approves → approved / rejected (nobody in a day: rejected). */
const approvalFlow = (approverId: string) => singleApproval(approverId, { name: 'Runs on the graph' });

const planningProject = (ownerId: string) => createProject(app(), ownerId, 'Runs');

/** Saves `draft` as a new flow, opens it in the designer and its test-run panel with `projectId` chosen. */
async function openTestRun(draft: FlowDocument, projectId: string): Promise<Page> {
  const created = await call(app(), 'POST', '/api/flows', { draft });
  expect(created.status).toBe(201);
  const page = await served.signedInPage(ops);
  await page.goto(`${served.url}/flows/${created.body.id}`);
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByTestId('test-run-button').click();
  await page.getByTestId('test-run-project').selectOption(projectId);
  return page;
}

const stepRun = (page: Page, id: string) => page.getByTestId(`step-${id}`).getAttribute('data-run');
const edgeClass = (page: Page, id: string) => page.locator(`[data-testid="rf__edge-${id}"] .react-flow__edge-path`).getAttribute('class');
const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(artifactsDir, `runs-${name}.png`) });

describe('a test run, played on the graph', () => {
  it('plays a draft against a project with a scripted answer: steps light up one by one and each entry says what happened', async () => {
    const org = await createOrgChart(app());
    const project = await planningProject(org.rep.id);
    const page = await openTestRun({ ...approvalFlow(org.manager.id), name: `Test run ${randomUUID().slice(0, 8)}` }, project.id);
    await page.getByTestId('test-run-add-response').click();
    const answer = page.getByTestId('test-run-response-0');
    await answer.getByTestId('response-step').selectOption('decide');
    await answer.getByTestId('response-person').selectOption(org.manager.id);
    await answer.getByTestId('response-answer').selectOption('approve');
    await answer.getByLabel('After how long').fill('2');
    await page.getByTestId('test-run-start').click();

    await page.getByTestId('timeline-entry-0').waitFor();
    await page.getByTestId('playback-step').click();
    const firstNode = (await page.getByTestId('timeline-entry-0').getAttribute('data-node')) ?? '';
    await expect.poll(() => stepRun(page, firstNode)).toBe('current');
    const firstSentence = ((await page.locator('[data-testid="timeline-entry-0"] span').last().textContent()) ?? '').trim();
    expect(firstSentence.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('playback-current').textContent()).toContain(firstSentence);

    await page.getByTestId('playback-play').click();
    await expect.poll(() => page.getByTestId('playback-step').isDisabled()).toBe(true);
    const lastNode = (await page.getByTestId('timeline').locator('[data-node]').last().getAttribute('data-node')) ?? '';
    expect(await stepRun(page, lastNode)).toBe('current');
    expect(['visited', 'current']).toContain(await stepRun(page, 'approved'));
    expect(await edgeClass(page, 'e1')).toContain('edge--taken');
    expect(await edgeClass(page, 'e2')).toContain('edge--taken');
    expect(await edgeClass(page, 'e3')).not.toContain('edge--taken');
    await expect.poll(() => page.getByTestId('simulation-outcome').textContent()).toContain('completed');
    await screenshot(page, 'test-run-played');

    await page.getByTestId('playback-reset').click();
    await expect.poll(() => stepRun(page, 'approved')).toBeNull();
  });

  it('shows why a draft with problems cannot be test-run, and marks the faulty steps', async () => {
    const org = await createOrgChart(app());
    const project = await planningProject(org.rep.id);
    const broken = approvalFlow(org.manager.id);
    broken.edges = broken.edges.filter((edge) => edge.id !== 'e3');
    const page = await openTestRun({ ...broken, name: `Broken ${randomUUID().slice(0, 8)}` }, project.id);
    await page.getByTestId('test-run-start').click();
    await expect.poll(() => page.getByTestId('test-run-invalid').textContent()).toContain('marked in red');
    expect(await page.getByTestId('test-run-invalid').textContent()).toContain('Approval: ');
    await expect.poll(() => page.getByTestId('step-decide').getAttribute('class')).toContain('step--problem');
  });
});

describe('a real run on its version’s graph', () => {
  it('shows where a run waits and for whom, then the path it took once decided; the heat view counts finished runs', async () => {
    const org = await createOrgChart(app());
    const flowId = await publishFlow(app(), approvalFlow(org.manager.id));
    const project = await planningProject(org.rep.id);
    await bind(app(), 'plan_submitted', project.id, flowId);
    expect((await call(app(), 'POST', `/api/projects/${project.id}/submit`, {}, { as: org.rep })).status).toBe(202);
    const runId = await eventually(async () => {
      const runs = await call(app(), 'GET', `/api/flows/${flowId}/runs`);
      expect(runs.body).toHaveLength(1);
      const trace = await call(app(), 'GET', `/api/flow-runs/${runs.body[0].id}/trace`);
      expect(trace.body.waitingFor).toHaveLength(1);
      return runs.body[0].id as string;
    });

    const page = await served.signedInPage(ops);
    await page.goto(`${served.url}/flows/${flowId}/versions/1`);
    await page.getByTestId('runs-panel').waitFor();
    await page.getByTestId('runs-filter-project').selectOption(project.id);
    await page.getByTestId(`run-${runId}`).click();
    await expect.poll(() => stepRun(page, 'decide')).toBe('current');
    await expect.poll(() => page.getByTestId('step-run-decide').textContent()).toContain(`Waiting for ${org.manager.name} until`);
    expect(await stepRun(page, 'start')).toBe('visited');
    expect(await stepRun(page, 'approved')).toBe('untouched');
    expect(await edgeClass(page, 'e1')).toContain('edge--taken');
    expect(await edgeClass(page, 'e2')).not.toContain('edge--taken');
    await screenshot(page, 'run-waiting');

    const [request] = (await call(app(), 'GET', `/api/flow-runs/${runId}/approvals`)).body as { id: string }[];
    expect((await call(app(), 'POST', `/api/approvals/${request!.id}/decision`, { decision: 'approve', comment: 'Looks right' }, { as: org.manager })).status).toBe(200);
    await eventually(async () => expect((await call(app(), 'GET', `/api/flow-runs/${runId}/trace`)).body.status).toBe('completed'));
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => stepRun(page, 'approved')).toBe('visited');
    expect(await stepRun(page, 'decide')).toBe('visited');
    expect(await edgeClass(page, 'e2')).toContain('edge--taken');
    await expect.poll(() => page.getByTestId('step-run-decide').textContent()).toContain(`${org.manager.name} approved`);
    await expect.poll(() => page.getByTestId('run-decisions').textContent()).toContain('Looks right');
    await screenshot(page, 'run-done');

    // A finished run with its path kept (as the interpreter hands it to finishRun), for the heat view.
    const acts = createFlowActivities({ db: served.system.db, clock: systemClock, mailer: capturingMailer() });
    const versionId = (await call(app(), 'GET', `/api/flows/${flowId}/versions`)).body[0].id as string;
    const kept = await acts.registerRun({ workflowId: `kept-${randomUUID()}`, flowVersionId: versionId, projectId: project.id, event: 'plan_submitted', subjectId: project.id });
    const t = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 9, minutes)).toISOString();
    await acts.finishRun({
      runId: kept,
      status: 'completed',
      path: [
        { nodeId: 'start', kind: 'trigger', at: t(0), endedAt: t(0), port: 'next' },
        { nodeId: 'decide', kind: 'approval', at: t(0), endedAt: t(125), port: 'approved' },
        { nodeId: 'approved', kind: 'end', at: t(125), endedAt: t(125) },
      ],
    });
    await page.getByTestId('runs-back').click();
    await page.getByTestId('heat-toggle').check();
    await expect.poll(() => page.getByTestId('heat-status').textContent()).toMatch(/Over the last \d+ finished run/);
    // 2 h 5 min here; with the run above kept too (once the interpreter hands paths over), less.
    await expect.poll(() => page.getByTestId('step-run-decide').textContent()).toMatch(/median \d+ (h|min|s)/);
    await expect.poll(() => page.locator('[data-testid="rf__edge-e2"] .react-flow__edge-text').textContent()).toMatch(/^\d+ runs?$/);
    expect(await edgeClass(page, 'e3')).not.toContain('edge--taken');
    await screenshot(page, 'heat');

    // A link to one run opens it on the graph straight away.
    await page.goto(`${served.url}/flows/${flowId}/versions/1?run=${runId}`);
    await expect.poll(() => stepRun(page, 'approved')).toBe('visited');
    await expect.poll(() => page.getByTestId('run-trace-status').textContent()).toBe('completed');
  });
});
