import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../activities/runtime/free-port';
import type { App } from '../../api/app';
import { createDb, type Db } from '../../db/connect';
import { createOrgChart, createProjectWithMilestone, type OrgChart } from '../support/factories';
import { call, eventually, untilPassed } from '../support/http';
import { buildForProduction, startRole, type RunningRole } from './built-program';

// Two api and two worker processes of the built program, on production dependencies only, against
// the suite's Temporal dev server and PostgreSQL, on a task queue of this file's own.
let build: Awaited<ReturnType<typeof buildForProduction>>;
const apis: { role: RunningRole; app: App; base: string }[] = [];
const workers: RunningRole[] = [];
let db: Db;

beforeAll(async () => {
  build = await buildForProduction();
  db = createDb(inject('databaseUrl'), { max: 2 });
  const common = {
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    MILEPOST_TASK_QUEUE: `replicas-${randomUUID()}`,
    MILEPOST_SECRET: 'replicas-test-secret-0123456789abcdef',
    MILEPOST_SHUTDOWN_SECONDS: '10',
    MILEPOST_DATA_DIR: `${build.dir}/data`,
    DATABASE_URL: inject('databaseUrl'),
    // Info, so a start that does not come up says where it waits.
    LOG_LEVEL: 'info',
    // A worker that dies leaves its workflows' sticky queue; the others take them over after this.
    WORKER_STICKY_TIMEOUT_MS: '2000',
  };
  for (let i = 0; i < 2; i++) workers.push(startRole(build.dir, 'worker', common));
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const role = startRole(build.dir, 'api', { ...common, MIGRATION_DATABASE_URL: inject('ownerDatabaseUrl'), PORT: String(port) });
    apis.push({ role, base, app: { request: (path: string, init?: RequestInit) => fetch(`${base}${path}`, init) } as unknown as App });
  }
  for (const api of apis) {
    // Four processes start at once, beside the other test files: on two cores that can take a while.
    await eventually(async () => expect((await fetch(`${api.base}/readyz`).catch(() => undefined))?.status, api.role.output()).toBe(200), { timeoutMs: 150_000, intervalMs: 250 });
  }
}, 360_000);

afterAll(async () => {
  for (const role of [...apis.map((a) => a.role), ...workers]) if (role.child.exitCode === null) role.child.kill('SIGKILL');
  await db?.destroy();
  await build?.remove();
});

const levelsOf = async (projectId: string) =>
  (await db.selectFrom('escalations').select('level').where('projectId', '=', projectId).orderBy('level').execute()).map((e) => e.level);

const requestsTo = async (userId: string) =>
  (await db.selectFrom('inbox_items').select('payload').where('userId', '=', userId).where('kind', '=', 'acknowledgement_request').execute()).length;

describe('two api and two worker processes', () => {
  it('take projects, misses and acknowledgements through either API, and escalate each miss exactly once although a worker is killed mid-run', async () => {
    const [a, b] = apis as [(typeof apis)[0], (typeof apis)[0]];
    const org: OrgChart = await createOrgChart(a.app);
    // Four projects, two through each API; their milestones fall due together and nobody reports.
    // The first and third are acknowledged, so their window is long enough to outlast a worker's
    // death under load; the others time out up the chain within seconds.
    const projects = await Promise.all(
      [a, b, a, b].map((api, i) => createProjectWithMilestone(api.app, org, { dueInSeconds: 30, ackTimeoutSeconds: i % 2 === 0 ? 180 : 15 })),
    );
    const dueAt = (await db.selectFrom('milestones').select('dueAt').where('projectId', '=', projects[0]!.id).executeTakeFirstOrThrow()).dueAt;

    // One worker dies without a chance to hand anything back, as the misses come due.
    await untilPassed(dueAt.getTime(), 0);
    workers[0]!.child.kill('SIGKILL');
    await workers[0]!.exited;

    // The first and third projects' escalations are acknowledged, one through each API; the
    // others go up the chain: manager, director, CEO.
    const acknowledged = [projects[0]!, projects[2]!];
    for (const [i, project] of acknowledged.entries()) {
      const escalation = await eventually(async () => {
        const first = await db.selectFrom('escalations').select(['id', 'level']).where('projectId', '=', project.id).executeTakeFirst();
        expect(first).toBeDefined();
        return first!;
      }, { timeoutMs: 120_000, intervalMs: 250 });
      // Refused with 409 `not_yet_open` while its request is still being delivered.
      await eventually(async () => {
        const ack = await call((i === 0 ? b : a).app, 'POST', `/api/escalations/${escalation.id}/ack`, {}, { as: org.manager });
        expect(ack.status, JSON.stringify(ack.body)).toBe(200);
      }, { timeoutMs: 60_000, intervalMs: 250 });
    }
    const unanswered = [projects[1]!, projects[3]!];
    await eventually(async () => {
      for (const p of unanswered) expect(await levelsOf(p.id)).toEqual([1, 2, 3]);
    }, { timeoutMs: 180_000, intervalMs: 500 });
    // Every flow run has ended (read from either API), so nothing more can come.
    await eventually(async () => {
      for (const [i, p] of projects.entries()) {
        const read = await call(apis[i % 2]!.app, 'GET', `/api/projects/${p.id}`);
        expect(read.body.lifecycle.runningFlows).toEqual([]);
      }
    }, { timeoutMs: 120_000, intervalMs: 500 });

    for (const p of acknowledged) expect(await levelsOf(p.id)).toEqual([1]);
    for (const p of unanswered) expect(await levelsOf(p.id)).toEqual([1, 2, 3]);
    // One request per escalation, to its recipient: none doubled by the worker that died.
    expect(await requestsTo(org.manager.id)).toBe(4);
    expect(await requestsTo(org.director.id)).toBe(2);
    expect(await requestsTo(org.ceo.id)).toBe(2);
    const checked = await db.selectFrom('milestones').select('status').where('projectId', 'in', projects.map((p) => p.id)).execute();
    expect(checked.map((m) => m.status)).toEqual(['missed', 'missed', 'missed', 'missed']);
  }, 420_000);
});
