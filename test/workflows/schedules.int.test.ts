import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { findTemporalCli } from '../../activities/runtime/temporal-cli';
import { flowSchedulePrefix, flowScheduleId } from '../../api/flow-schedules';
import { createOrgChart, createProject, inSeconds, notifyOwnerFlow, publishFlow, type OrgChart } from '../support/factories';
import { call, eventually } from '../support/http';
import { useSystem } from '../support/system';

const system = useSystem();
const MINUTE_WAIT = { timeoutMs: 150_000, intervalMs: 500 };
/** Each test waits for one or two whole-minute firings. */
const TEST_TIMEOUT = 360_000;

async function planningProject(org: OrgChart): Promise<{ id: string }> {
  return createProject(system.app, org.rep.id, 'Scheduled', {
    periodEnd: inSeconds(86_400),
    milestones: [{ name: 'Later', dueAt: inSeconds(80_000), metric: 'revenue', targetValue: 1000, ownerId: org.rep.id }],
  });
}

/** A project with a flow bound to "* * * * *" (every minute, the fastest publishable) that tells its owner `subject`. */
async function everyMinute(org: OrgChart, subject: string) {
  const project = await planningProject(org);
  const flowId = await publishFlow(system.app, notifyOwnerFlow({ event: 'schedule', cron: '* * * * *', timeZone: 'UTC' }, subject, 'Tick at {{schedule.firedAt}}'));
  const bound = await call(system.app, 'PUT', '/api/flow-bindings', { triggerEvent: 'schedule', projectId: project.id, flowId });
  expect(bound.status, JSON.stringify(bound.body)).toBe(200);
  return { project, flowId, scheduleId: flowScheduleId(system.taskQueue, project.id) };
}

const runsOf = (projectId: string) =>
  system.db.selectFrom('flow_runs').select(['subjectId', 'status', 'workflowId']).where('projectId', '=', projectId).where('triggerEvent', '=', 'schedule').orderBy('subjectId').execute();

const isWholeMinute = (iso: string) => /T\d\d:\d\d:00\.000Z$/.test(iso);

async function unbind(projectId: string) {
  return call(system.app, 'DELETE', `/api/flow-bindings?triggerEvent=schedule&projectId=${projectId}`);
}

afterAll(async () => {
  // Nothing of this file keeps firing after it.
  for await (const summary of system.client.schedule.list()) {
    if (summary.scheduleId.startsWith(flowSchedulePrefix(system.taskQueue))) await system.client.schedule.getHandle(summary.scheduleId).delete().catch(() => undefined);
  }
});

// Concurrent: each test waits for whole-minute firings, and they may share the minutes.
describe.concurrent('schedule triggers on the real engine', () => {
  it('turns a per-project schedule binding into a Temporal Schedule that runs the flow at its time, and unbinding deletes it', async () => {
    const org = await createOrgChart(system.app);
    const subject = `Weekly pulse ${randomUUID()}`;
    const a = await everyMinute(org, subject);
    const b = await everyMinute(org, `Control ${randomUUID()}`);

    const described = await system.client.schedule.getHandle(a.scheduleId).describe();
    expect(described.spec.timezone).toBe('UTC');
    expect(described.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
    expect(described.policies.catchupWindow).toBe(3_600_000);
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'scheduledFlowTick', taskQueue: system.taskQueue, args: [{ bindingProjectId: a.project.id }] });
    expect(described.memo).toMatchObject({ flowBinding: { triggerEvent: 'schedule', projectId: a.project.id, flowId: a.flowId } });
    await eventually(async () => {
      const ids: string[] = [];
      for await (const summary of system.client.schedule.list()) ids.push(summary.scheduleId);
      expect(ids).toContain(a.scheduleId);
    });
    // What an operator sees: the CLI lists it too.
    const cli = await findTemporalCli();
    await eventually(async () => {
      const { stdout } = await promisify(execFile)(cli, ['schedule', 'list', '--address', inject('temporalAddress'), '--namespace', 'default']);
      expect(stdout).toContain(a.scheduleId);
    });

    const bindings = (await call(system.app, 'GET', '/api/flow-bindings')).body as { projectId: string | null; triggerEvent: string; nextRuns?: string[]; timeZone?: string }[];
    const entry = bindings.find((x) => x.triggerEvent === 'schedule' && x.projectId === a.project.id);
    expect(entry?.timeZone).toBe('UTC');
    expect(entry?.nextRuns).toHaveLength(5);
    const times = (entry?.nextRuns ?? []).map((t) => Date.parse(t));
    expect(times[0]).toBeGreaterThan(Date.now() - 1000);
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBe(60_000);

    // A run the schedule started at its time: its subject is the whole minute it fired for.
    const natural = await eventually(async () => {
      const runs = await runsOf(a.project.id);
      const fired = runs.find((r) => isWholeMinute(r.subjectId) && r.status === 'completed');
      expect(fired).toBeDefined();
      return fired!;
    }, MINUTE_WAIT);
    const inbox = (await call(system.app, 'GET', `/api/users/${org.rep.id}/inbox`)).body as { payload: { subject?: string; message?: string } }[];
    expect(inbox.filter((item) => item.payload.subject === subject).length).toBeGreaterThanOrEqual(1);

    const unbound = await unbind(a.project.id);
    expect(unbound.status, JSON.stringify(unbound.body)).toBe(200);
    const unboundAt = Date.now();
    await expect(system.client.schedule.getHandle(a.scheduleId).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    expect((await unbind(a.project.id)).status).toBe(404);
    expect(((await call(system.app, 'GET', '/api/flow-bindings')).body as { projectId: string | null }[]).some((x) => x.projectId === a.project.id)).toBe(false);

    // The control schedule fires again after the unbinding; the unbound one does not.
    const later = await eventually(async () => {
      const fired = (await runsOf(b.project.id)).find((r) => isWholeMinute(r.subjectId) && Date.parse(r.subjectId) > unboundAt);
      expect(fired).toBeDefined();
      return fired!;
    }, MINUTE_WAIT);
    const afterwards = (await runsOf(a.project.id)).filter((r) => Date.parse(r.subjectId) > unboundAt);
    expect(afterwards, `control fired at ${later.subjectId}`).toEqual([]);
    expect(natural.workflowId).toContain(natural.subjectId);
    expect((await unbind(b.project.id)).status).toBe(200);
  }, TEST_TIMEOUT);

  it('runs a firing that came while the worker was down exactly once when the worker is back, and every firing has one run', async () => {
    const org = await createOrgChart(system.app);
    const { project, scheduleId } = await everyMinute(org, `Restart ${randomUUID()}`);
    const handle = system.client.schedule.getHandle(scheduleId);
    // An immediate run as well, so the flow is known to work before the worker goes.
    await handle.trigger();
    await eventually(async () => expect((await runsOf(project.id)).some((r) => r.status === 'completed')).toBe(true));

    await system.stopWorker();
    const stoppedAt = Date.now();
    let missed: string;
    try {
      missed = await eventually(async () => {
        const actions = (await handle.describe()).info.recentActions;
        const fired = actions.find((action) => action.scheduledAt.getTime() > stoppedAt);
        expect(fired).toBeDefined();
        return fired!.scheduledAt.toISOString();
      }, MINUTE_WAIT);
      // Nothing could run it: the worker is away.
      expect((await runsOf(project.id)).some((r) => r.subjectId === missed)).toBe(false);
    } finally {
      await system.startWorker();
    }

    await eventually(async () => expect((await runsOf(project.id)).find((r) => r.subjectId === missed)?.status).toBe('completed'), MINUTE_WAIT);
    // Each action the schedule took (the trigger and every firing) ran the flow exactly once, and nothing else ran.
    const { actions, runs } = await eventually(async () => {
      // The scheduled time reaches the tick as a search attribute, to the whole second.
      const taken = (await handle.describe()).info.recentActions.map((action) => new Date(Math.floor(action.scheduledAt.getTime() / 1000) * 1000).toISOString()).sort();
      const done = await runsOf(project.id);
      expect(done.map((r) => r.subjectId).sort()).toEqual(taken);
      expect(done.every((r) => r.status === 'completed')).toBe(true);
      return { actions: taken, runs: done };
    }, MINUTE_WAIT);
    expect(actions).toContain(missed);
    expect(runs.filter((r) => r.subjectId === missed)).toHaveLength(1);
    await expect(unbind(project.id)).resolves.toMatchObject({ status: 200 });
  }, TEST_TIMEOUT);

  it('makes the Schedule follow the cron of a newly published version of the bound flow', async () => {
    const org = await createOrgChart(system.app);
    const project = await planningProject(org);
    const document = notifyOwnerFlow({ event: 'schedule', cron: '0 9 1 1 *' }, `Yearly ${randomUUID()}`);
    const flowId = await publishFlow(system.app, document);
    expect((await call(system.app, 'PUT', '/api/flow-bindings', { triggerEvent: 'schedule', projectId: project.id, flowId })).status).toBe(200);
    const handle = system.client.schedule.getHandle(flowScheduleId(system.taskQueue, project.id));
    const before = await handle.describe();
    expect(before.state.note).toContain('"0 9 1 1 *" in Asia/Shanghai');
    expect(before.spec.timezone).toBe('Asia/Shanghai');

    const flow = (await call(system.app, 'GET', `/api/flows/${flowId}`)).body as { name: string };
    const changed = structuredClone(document);
    changed.name = flow.name;
    changed.nodes[0]!.config = { event: 'schedule', cron: '@daily', timeZone: 'Europe/Berlin' } as never;
    expect((await call(system.app, 'PUT', `/api/flows/${flowId}/draft`, { draft: changed })).status).toBe(200);
    const published = await call(system.app, 'POST', `/api/flows/${flowId}/publish`, {});
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const after = await handle.describe();
    expect(after.state.note).toContain('"0 0 * * *" in Europe/Berlin');
    expect(after.spec.timezone).toBe('Europe/Berlin');
    const entry = ((await call(system.app, 'GET', '/api/flow-bindings')).body as { projectId: string | null; nextRuns?: string[] }[]).find((b) => b.projectId === project.id);
    // Midnight in Berlin is 22:00 or 23:00 UTC.
    expect(entry?.nextRuns?.every((t) => /T2[23]:00:00\.000Z$/.test(t))).toBe(true);

    const never = structuredClone(changed);
    never.nodes[0]!.config = { event: 'schedule', cron: '0 0 31 4 *' } as never;
    expect((await call(system.app, 'PUT', `/api/flows/${flowId}/draft`, { draft: never })).status).toBe(200);
    const refusedNever = await call(system.app, 'POST', `/api/flows/${flowId}/publish`, {});
    expect(refusedNever.status).toBe(422);
    expect(JSON.stringify(refusedNever.body)).toMatch(/never fires/);
    expect((await unbind(project.id)).status).toBe(200);
  });
});
