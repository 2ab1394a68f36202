import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startWorker, type RunningWorker } from '../../activities/runtime/worker';
import { useDefaultTemporalRuntime } from '../support/temporal-runtime';
import { flowSchedulePrefix, flowScheduleId, reconcileFlowSchedules, type FlowScheduleDeps } from '../../api/flow-schedules';
import type { Db } from '../../db/connect';
import type { LifecyclePhase } from '../../workflows/sales-project-messages';
import { SCHEDULE_BATCH, type scheduledFlowTick } from '../../workflows/scheduled-flow';
import { notifyOwnerFlow } from '../support/factories';
import { eventually } from '../support/http';
import { useOwnDatabases } from '../support/own-databases';

// Reconciling looks at every schedule binding of a database, so these tests have databases of
// their own: the suite's shared one holds other files' bindings.
const databases = useOwnDatabases('schedules');
let connection: Connection;
let client: Client;
const workers: RunningWorker[] = [];
const taskQueues: string[] = [];

beforeAll(async () => {
  useDefaultTemporalRuntime();
  connection = await Connection.connect({ address: inject('temporalAddress') });
  client = new Client({ connection, namespace: 'default' });
});

afterAll(async () => {
  for (const worker of workers) await worker.stop();
  for await (const summary of client.schedule.list()) {
    if (taskQueues.some((queue) => summary.scheduleId.startsWith(flowSchedulePrefix(queue)))) {
      await client.schedule.getHandle(summary.scheduleId).delete().catch(() => undefined);
    }
  }
  await connection.close();
});

async function world(): Promise<FlowScheduleDeps> {
  const taskQueue = `schedules-${randomUUID()}`;
  taskQueues.push(taskQueue);
  return { db: await databases.create(), client, taskQueue };
}

async function owner(db: Db): Promise<string> {
  const row = await db.insertInto('users').values({ name: 'Owner', email: `owner-${randomUUID()}@example.com` }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

async function project(db: Db, ownerId: string, phase: LifecyclePhase, calendar: object = { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5, 6, 7] }): Promise<string> {
  const row = await db
    .insertInto('sales_projects')
    .values({ name: `P ${randomUUID().slice(0, 6)}`, ownerId: ownerId, periodStart: new Date(Date.now() - 86_400_000), periodEnd: new Date(Date.now() + 86_400_000), phase, calendar: JSON.stringify(calendar) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function scheduleFlow(db: Db, trigger: Record<string, unknown>): Promise<string> {
  const flow = await db.insertInto('flows').values({ name: `Scheduled ${randomUUID()}`, triggerEvent: 'schedule', draft: JSON.stringify({}) }).returning('id').executeTakeFirstOrThrow();
  await publish(db, flow.id, trigger, 1);
  return flow.id;
}

async function publish(db: Db, flowId: string, trigger: Record<string, unknown>, version: number): Promise<void> {
  const document = notifyOwnerFlow({ event: 'schedule', ...trigger }, `Scheduled ${randomUUID()}`);
  await db.insertInto('flow_versions').values({ flowId: flowId, version, document: JSON.stringify(document), publishedBy: null }).execute();
}

async function bindRow(db: Db, projectId: string | null, flowId: string): Promise<void> {
  await db.insertInto('flow_bindings').values({ triggerEvent: 'schedule', projectId: projectId, flowId: flowId }).execute();
}

const nothingChanged = { created: [], updated: [], deleted: [] };

describe('reconciling flow schedules with the bindings', () => {
  it('creates missing schedules, recreates one deleted behind its back, follows a changed cron, deletes orphans and closed projects’ schedules, and a second run changes nothing', async () => {
    const deps = await world();
    const { db } = deps;
    const p = await project(db, await owner(db), 'execution');
    const own = await scheduleFlow(db, { cron: '0 0 1 1 *' });
    const everyone = await scheduleFlow(db, { cron: '0 6 * * MON', timeZone: 'Europe/Berlin' });
    await bindRow(db, p, own);
    await bindRow(db, null, everyone);
    const projectSchedule = flowScheduleId(deps.taskQueue, p);
    const globalSchedule = flowScheduleId(deps.taskQueue, null);

    const first = await reconcileFlowSchedules(deps);
    expect({ ...first, created: first.created.sort() }).toEqual({ created: [projectSchedule, globalSchedule].sort(), updated: [], deleted: [], unchanged: [] });
    expect(await reconcileFlowSchedules(deps)).toMatchObject({ ...nothingChanged, unchanged: expect.arrayContaining([projectSchedule, globalSchedule]) });
    const global = await client.schedule.getHandle(globalSchedule).describe();
    expect(global.spec.timezone).toBe('Europe/Berlin');
    expect(global.action).toMatchObject({ workflowType: 'scheduledFlowTick', taskQueue: deps.taskQueue, args: [{ bindingProjectId: null }] });

    // Deleted behind its back (someone used the CLI): the binding still wants it.
    await client.schedule.getHandle(projectSchedule).delete();
    expect(await reconcileFlowSchedules(deps)).toMatchObject({ created: [projectSchedule], updated: [], deleted: [] });

    // An orphan: a schedule of this deployment that no binding wants.
    const orphan = `${flowSchedulePrefix(deps.taskQueue)}${randomUUID()}`;
    await client.schedule.create({
      scheduleId: orphan,
      spec: { cronExpressions: ['0 0 1 1 *'] },
      action: { type: 'startWorkflow', workflowType: 'scheduledFlowTick', taskQueue: deps.taskQueue, args: [{ bindingProjectId: randomUUID() }] },
    });
    const withOrphan = await eventually(async () => {
      const report = await reconcileFlowSchedules(deps);
      expect(report.deleted).toEqual([orphan]);
      return report;
    });
    expect(withOrphan).toMatchObject({ created: [], updated: [] });

    // A new version with another cron: the schedule's spec follows it.
    await publish(db, everyone, { cron: '30 7 * * TUE', timeZone: 'Europe/Berlin' }, 2);
    expect(await reconcileFlowSchedules(deps)).toMatchObject({ created: [], updated: [globalSchedule], deleted: [] });
    expect((await client.schedule.getHandle(globalSchedule).describe()).state.note).toContain('"30 7 * * TUE"');

    // A closed project's schedule fires no more.
    await db.updateTable('sales_projects').set({ phase: 'closed' }).where('id', '=', p).execute();
    const afterClose = await eventually(async () => {
      const report = await reconcileFlowSchedules(deps);
      expect(report.deleted).toEqual([projectSchedule]);
      return report;
    });
    expect(afterClose).toMatchObject({ created: [], updated: [] });
    await expect(client.schedule.getHandle(projectSchedule).describe()).rejects.toThrow();
    await eventually(async () => expect(await reconcileFlowSchedules(deps)).toMatchObject({ ...nothingChanged, unchanged: [globalSchedule] }));
  });

  it('reconciles from eight replicas starting at once without any failing, leaving one schedule per binding', async () => {
    const deps = await world();
    const { db } = deps;
    const p = await project(db, await owner(db), 'execution');
    await bindRow(db, p, await scheduleFlow(db, { cron: '0 0 1 1 *' }));
    await bindRow(db, null, await scheduleFlow(db, { cron: '0 6 * * MON' }));
    const reports = await Promise.all(Array.from({ length: 8 }, () => reconcileFlowSchedules(deps)));
    const made = reports.flatMap((r) => [...r.created, ...r.updated, ...r.unchanged]);
    expect(new Set(made)).toEqual(new Set([flowScheduleId(deps.taskQueue, p), flowScheduleId(deps.taskQueue, null)]));
    expect(reports.flatMap((r) => r.created).sort()).toEqual([flowScheduleId(deps.taskQueue, p), flowScheduleId(deps.taskQueue, null)].sort());
  });

  it('runs a schedule bound to all projects once per project in its phases, in batches, skipping a project whose calendar has the day off and recording why', async () => {
    const deps = await world();
    const { db } = deps;
    workers.push(await startWorker({ address: inject('temporalAddress'), namespace: 'default', db, taskQueue: deps.taskQueue, workflowBundle: { code: inject('workflowBundleCode') } }));
    const ownerId = await owner(db);
    const count = SCHEDULE_BATCH + 3;
    const running = await Promise.all(Array.from({ length: count }, (_, i) => project(db, ownerId, i % 2 === 0 ? 'execution' : 'monitoring')));
    const planning = await project(db, ownerId, 'planning');
    const withOwnSchedule = await project(db, ownerId, 'execution');
    await bindRow(db, withOwnSchedule, await scheduleFlow(db, { cron: '0 0 1 1 *' }));
    const today = new Date().toISOString().slice(0, 10);
    const onHoliday = await project(db, ownerId, 'execution', { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5, 6, 7], holidays: [today] });
    await bindRow(db, null, await scheduleFlow(db, { cron: '0 0 1 1 *', workingDaysOnly: true }));
    await reconcileFlowSchedules(deps);

    await client.schedule.getHandle(flowScheduleId(deps.taskQueue, null)).trigger();
    const runs = await eventually(
      async () => {
        const rows = await db.selectFrom('flow_runs').select(['projectId', 'status', 'subjectId']).where('triggerEvent', '=', 'schedule').execute();
        expect(rows.filter((r) => r.status === 'completed')).toHaveLength(count);
        return rows;
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    expect(new Set(runs.map((r) => r.projectId))).toEqual(new Set(running));
    expect(new Set(runs.map((r) => r.subjectId)).size).toBe(1);
    const skip = await db.selectFrom('project_events').select(['kind', 'detail']).where('projectId', '=', onHoliday).execute();
    expect(skip).toEqual([{ kind: 'schedule_skipped', detail: expect.objectContaining({ reason: "not a working day in the project's calendar" }) }]);
    for (const left of [planning, withOwnSchedule]) expect(runs.some((r) => r.projectId === left)).toBe(false);
    const inbox = await db.selectFrom('inbox_items').select('id').where('userId', '=', ownerId).execute();
    expect(inbox).toHaveLength(count);
  }, 180_000);

  it("does nothing when a closed project's schedule fires before reconcile has deleted it", async () => {
    const deps = await world();
    const { db } = deps;
    workers.push(await startWorker({ address: inject('temporalAddress'), namespace: 'default', db, taskQueue: deps.taskQueue, workflowBundle: { code: inject('workflowBundleCode') } }));
    const closed = await project(db, await owner(db), 'closed');
    await bindRow(db, closed, await scheduleFlow(db, { cron: '0 0 1 1 *' }));
    const tick = await client.workflow.execute<typeof scheduledFlowTick>('scheduledFlowTick', {
      workflowId: `tick-${randomUUID()}`,
      taskQueue: deps.taskQueue,
      args: [{ bindingProjectId: closed }],
    });
    expect(tick).toMatchObject({ started: [], skipped: [] });
    expect(await db.selectFrom('flow_runs').select('id').where('projectId', '=', closed).execute()).toEqual([]);
    expect(await reconcileFlowSchedules(deps)).toEqual({ created: [], updated: [], deleted: [], unchanged: [] });
  });
});
