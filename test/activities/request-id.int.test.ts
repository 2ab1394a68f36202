import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../activities/runtime/logger';
import { configureTemporalRuntime, startWorker, type RunningWorker } from '../../activities/runtime/worker';
import { createApp, type App } from '../../api/app';
import { requestIdMemo } from '../../api/request-id-memo';
import { createDb, type Db } from '../../db/connect';
import { approveAtOnce, bind, createOrgChart, inSeconds, publishFlow } from '../support/factories';
import { call, eventually } from '../support/http';
import { testDecisionLinks } from '../support/system';

// The Temporal runtime of this file logs everything (debug) into `lines`, as JSON like production.
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
let db: Db;
let connection: Connection;
let worker: RunningWorker;
let app: App;
const taskQueue = `milepost-request-id-${randomUUID()}`;

beforeAll(async () => {
  configureTemporalRuntime('DEBUG', { log: createLogger({ level: 'debug', destination: sink }) });
  db = createDb(inject('databaseUrl'));
  connection = await Connection.connect({ address: inject('temporalAddress') });
  const client = new Client({ connection, interceptors: { workflow: [requestIdMemo] } });
  app = createApp({ db, temporal: { client, taskQueue }, decisionLinks: testDecisionLinks });
  worker = await startWorker({ address: inject('temporalAddress'), namespace: 'default', db, taskQueue, decisionLinks: testDecisionLinks, workflowBundle: { code: inject('workflowBundleCode') } });
});

afterAll(async () => {
  await worker?.stop();
  await connection?.close();
  await db?.destroy();
});

describe('the request id', () => {
  it('reaches the log lines of the activities a request leads to: the project’s start, then its plan submission', async () => {
    const org = await createOrgChart(app);
    const created = await call(app, 'POST', '/api/projects', {
      name: `Traced ${randomUUID().slice(0, 8)}`, ownerId: org.rep.id, periodStart: inSeconds(-60), periodEnd: inSeconds(3600),
      milestones: [{ name: 'Q', dueAt: inSeconds(1800), metric: 'revenue', targetValue: 10, ownerId: org.rep.id }],
    }, { headers: { 'x-request-id': 'start-request-1' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const activityLines = (requestId: string, activityType: string) => lines.filter((l) => l.requestId === requestId && l.activityType === activityType);
    await eventually(async () => expect(activityLines('start-request-1', 'loadProjectPlan').length).toBeGreaterThan(0));

    await bind(app, 'plan_submitted', created.body.id, await publishFlow(app, approveAtOnce('plan_submitted')));
    const submitted = await call(app, 'POST', `/api/projects/${created.body.id}/submit`, {}, { as: org.rep, headers: { 'x-request-id': 'submit-request-2' } });
    expect(submitted.status).toBe(202);
    // The approval's own activities and the phase change it leads to name the submission.
    await eventually(async () => expect(activityLines('submit-request-2', 'setPhase').length).toBeGreaterThan(0));
    expect(lines.some((l) => l.requestId === 'submit-request-2' && l.workflowType === 'salesProject')).toBe(true);
    await call(app, 'POST', `/api/projects/${created.body.id}/close`, { outcome: 'won' }, { as: org.rep });
  });
});
