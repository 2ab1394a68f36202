import { ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy, type Client, type ScheduleDescription, type ScheduleOptions } from '@temporalio/client';
import type { Db } from '../db/connect';
import { listScheduleBindings, type ScheduleBinding } from '../db/queries/flow-schedules';
import { nextCronRuns } from '../workflows/flow/cron';
import type { BindingSchedule } from '../workflows/flow/schedule-of';
import type { ScheduledFlowTickInput, scheduledFlowTick } from '../workflows/scheduled-flow';

/** What keeps flow bindings and Temporal Schedules in step: the database, the engine and the worker's queue. */
export interface FlowScheduleDeps {
  db: Db;
  client: Client;
  /** The queue the ticks run on; part of the schedule id, so deployments sharing a cluster keep apart. */
  taskQueue: string;
}

/** A firing missed while the cluster was down is made up for if it is at most this late. */
export const SCHEDULE_CATCHUP_WINDOW = '1 hour';

export const flowSchedulePrefix = (taskQueue: string): string => `flow-schedule-${taskQueue}-`;

/** One schedule per binding scope: a project, or `global` for the binding to all projects. */
export const flowScheduleId = (taskQueue: string, projectId: string | null): string => `${flowSchedulePrefix(taskQueue)}${projectId ?? 'global'}`;

interface Wanted {
  scheduleId: string;
  binding: ScheduleBinding & { schedule: BindingSchedule };
  /** Says what the schedule does; also how a changed spec is noticed (it is compared as a whole). */
  note: string;
}

function wanted(deps: FlowScheduleDeps, binding: ScheduleBinding): Wanted | null {
  // A closed project's binding fires no more: its schedule is deleted at the next reconcile or rebinding.
  if (binding.schedule === null || binding.projectPhase === 'closed') return null;
  const { schedule } = binding;
  const scope = binding.projectId === null ? 'all projects' : `project ${binding.projectId}`;
  return {
    scheduleId: flowScheduleId(deps.taskQueue, binding.projectId),
    binding: { ...binding, schedule },
    note: `Flow binding "schedule" for ${scope}: flow ${binding.flowId} at "${schedule.cron}" in ${schedule.timeZone}${schedule.workingDaysOnly ? ', working days only' : ''}; phases ${schedule.phases.join(', ')}.`,
  };
}

function scheduleOptions(deps: FlowScheduleDeps, want: Wanted): ScheduleOptions {
  const { projectId } = want.binding;
  const input: ScheduledFlowTickInput = { bindingProjectId: projectId };
  return {
    scheduleId: want.scheduleId,
    spec: { cronExpressions: [want.binding.schedule.cron], timezone: want.binding.schedule.timeZone },
    action: {
      type: 'startWorkflow',
      workflowType: 'scheduledFlowTick',
      workflowId: `scheduled-flow-${deps.taskQueue}-${projectId ?? 'global'}`,
      taskQueue: deps.taskQueue,
      args: [input] satisfies Parameters<typeof scheduledFlowTick>,
    },
    // A tick still running (a worker down) makes the next firing skip, not pile up.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: SCHEDULE_CATCHUP_WINDOW },
    memo: { flowBinding: { triggerEvent: 'schedule', projectId, flowId: want.binding.flowId } },
    state: { note: want.note },
  };
}

const isCurrent = (deps: FlowScheduleDeps, described: ScheduleDescription, want: Wanted): boolean =>
  described.state.note === want.note && described.action.type === 'startWorkflow' && described.action.taskQueue === deps.taskQueue;

export type ScheduleChange = 'created' | 'updated' | 'deleted' | 'unchanged';

async function describeOrNull(deps: FlowScheduleDeps, scheduleId: string): Promise<ScheduleDescription | null> {
  try {
    return await deps.client.schedule.getHandle(scheduleId).describe();
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) return null;
    throw error;
  }
}

async function deleteSchedule(deps: FlowScheduleDeps, scheduleId: string): Promise<ScheduleChange> {
  try {
    await deps.client.schedule.getHandle(scheduleId).delete();
    return 'deleted';
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) return 'unchanged';
    throw error;
  }
}

/** Makes one schedule match what is wanted: created, its spec updated, or left as it is. */
async function apply(deps: FlowScheduleDeps, want: Wanted, lookedAgain = false): Promise<ScheduleChange> {
  const described = await describeOrNull(deps, want.scheduleId);
  const options = scheduleOptions(deps, want);
  if (described === null) {
    try {
      await deps.client.schedule.create(options);
      return 'created';
    } catch (error) {
      // Created since we looked, by another replica starting at the same time or by a request:
      // look again, once, and make that one match.
      if (!(error instanceof ScheduleAlreadyRunning) || lookedAgain) throw error;
      return apply(deps, want, true);
    }
  }
  if (isCurrent(deps, described, want)) return 'unchanged';
  await deps.client.schedule.getHandle(want.scheduleId).update((current) => ({ ...current, spec: options.spec, action: options.action, policies: options.policies ?? current.policies, state: { ...current.state, note: want.note } }));
  return 'updated';
}

/** Brings the schedule of one binding scope (a project, or null for all) in line with the database. */
export async function syncFlowSchedule(deps: FlowScheduleDeps, projectId: string | null): Promise<ScheduleChange> {
  const [binding] = await listScheduleBindings(deps.db, { projectId });
  const want = binding ? wanted(deps, binding) : null;
  return want ? apply(deps, want) : deleteSchedule(deps, flowScheduleId(deps.taskQueue, projectId));
}

/** After a flow is published: the schedules of every scope it is bound to follow its newest version. */
export async function syncSchedulesOfFlow(deps: FlowScheduleDeps, flowId: string): Promise<void> {
  for (const binding of await listScheduleBindings(deps.db)) {
    if (binding.flowId === flowId) await syncFlowSchedule(deps, binding.projectId);
  }
}

export interface ReconcileReport {
  created: string[];
  updated: string[];
  deleted: string[];
  unchanged: string[];
}

/**
 * Run at every start (and by tests): creates the schedule of every schedule binding that lacks
 * one, updates those whose spec changed, and deletes this deployment's schedules that no binding
 * wants (an unbinding that happened while the engine was down, a closed project).
 */
export async function reconcileFlowSchedules(deps: FlowScheduleDeps): Promise<ReconcileReport> {
  const report: ReconcileReport = { created: [], updated: [], deleted: [], unchanged: [] };
  const wants = (await listScheduleBindings(deps.db)).flatMap((binding) => wanted(deps, binding) ?? []);
  const wantedIds = new Set(wants.map((want) => want.scheduleId));
  for (const want of wants) report[await apply(deps, want)].push(want.scheduleId);
  const prefix = flowSchedulePrefix(deps.taskQueue);
  const existing: string[] = [];
  for await (const summary of deps.client.schedule.list()) {
    if (summary.scheduleId.startsWith(prefix) && !wantedIds.has(summary.scheduleId)) existing.push(summary.scheduleId);
  }
  for (const scheduleId of existing) {
    const change = await deleteSchedule(deps, scheduleId);
    if (change === 'deleted') report.deleted.push(scheduleId);
  }
  return report;
}

/** The next `count` times a binding's schedule fires, computed with croner in its time zone. */
export function nextRunsOf(schedule: BindingSchedule, after: Date, count = 5): string[] {
  return nextCronRuns(schedule.cron, schedule.timeZone, after, count).map((at) => at.toISOString());
}
