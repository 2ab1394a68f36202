import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { findTemporalCli } from '../../activities/runtime/temporal-cli';
import { startTemporalDevServer, type DevServerHandle } from '../../activities/runtime/temporal-dev-server';
import { startWorker, type RunningWorker } from '../../activities/runtime/worker';
import { useDefaultTemporalRuntime } from '../support/temporal-runtime';
import { createApp, type App } from '../../api/app';
import { askLifecycle } from '../../api/lifecycle';
import { findLifecycleState } from '../../db/queries/project-lifecycles';
import { createDb, type Db } from '../../db/connect';
import { salesProjectWorkflowId } from '../../workflows/task-queue';
import { createOrgChart, createProject, inSeconds, startExecution } from '../support/factories';
import { call, eventually } from '../support/http';

// A server of its own that suggests continuing as new after a few dozen events, so a project
// with a status summary every second crosses the limit within seconds.
let server: DevServerHandle;
let connection: Connection;
let worker: RunningWorker;
let db: Db;
let app: App;
let client: Client;
const taskQueue = `milepost-can-${randomUUID()}`;

beforeAll(async () => {
  useDefaultTemporalRuntime();
  server = await startTemporalDevServer({
    cliPath: await findTemporalCli({ buildIfMissing: false }),
    headless: true,
    extraArgs: ['--dynamic-config-value', 'limit.historyCount.suggestContinueAsNew=40'],
  });
  db = createDb(inject('databaseUrl'));
  connection = await Connection.connect({ address: server.address });
  client = new Client({ connection });
  app = createApp({ db, temporal: { client, taskQueue } });
  worker = await startWorker({ address: server.address, namespace: 'default', db, taskQueue, workflowBundle: { code: inject('workflowBundleCode') } });
});

afterAll(async () => {
  await worker?.stop();
  await connection?.close();
  await server?.stop();
  await db?.destroy();
});

it('continues as new when the server suggests it, keeping its timers and checking each milestone once', async () => {
  const org = await createOrgChart(app);
  const { id: projectId } = await createProject(app, org.rep.id, 'Long', {
    periodEnd: inSeconds(30),
    monitoringDays: 0,
    reviewEveryDays: 1 / 86_400, // a status summary every second grows the history fast
    milestones: [{ name: 'Late in the period', dueAt: inSeconds(20), metric: 'revenue', targetValue: 10, ownerId: org.rep.id }],
  });
  await startExecution(app, projectId, org.rep);
  const handle = client.workflow.getHandle(salesProjectWorkflowId(projectId));
  const firstRun = (await handle.describe()).runId;

  await eventually(async () => expect((await handle.describe()).runId).not.toBe(firstRun), { timeoutMs: 20_000 });
  // The new run finds its timers again once it has read the plan back.
  await eventually(async () => {
    const state = (await call(app, 'GET', `/api/projects/${projectId}`)).body;
    expect(state.lifecycle.phase).toBe('execution');
    expect(state.lifecycle.nextChecks).toEqual([{ milestoneId: state.milestones[0].id, kind: 'due', at: state.milestones[0].dueAt }]);
  });
  // The lifecycle projection the page reads follows the new run too.
  await eventually(async () => expect(await findLifecycleState(db, projectId)).toEqual(await askLifecycle(client, projectId)), { intervalMs: 50 });

  await call(app, 'POST', `/api/projects/${projectId}/kpi-reports`, { metric: 'revenue', value: 10 }, { as: org.rep });
  await eventually(async () => expect((await call(app, 'GET', `/api/projects/${projectId}`)).body.milestones[0].status).toBe('met'), { timeoutMs: 30_000 });
  // The periodic review kept sending the owner status summaries across the runs.
  const summaries = ((await call(app, 'GET', `/api/users/${org.rep.id}/inbox?limit=200`)).body as { payload: { subject?: string } }[]).filter((i) =>
    i.payload.subject?.startsWith('Status: '),
  );
  expect(summaries.length).toBeGreaterThan(5);
  const checked = await db.selectFrom('milestones').select(['status', 'checkedAt']).where('projectId', '=', projectId).execute();
  expect(checked).toEqual([{ status: 'met', checkedAt: expect.any(Date) }]);
  await call(app, 'POST', `/api/projects/${projectId}/close`, { outcome: 'won' }, { as: org.rep });
}, 90_000);
