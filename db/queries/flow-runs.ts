import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../connect';
import { largestVersion } from './flows';
import type { Insertable } from 'kysely';
import type { FlowRun, FlowRunsTable } from '../schema';
import type { FlowRunStatus } from '../../workflows/domain';

/** Closes a run; the path it took is kept with it when the interpreter hands it over. */
export async function finishFlowRun(db: Db, input: { runId: string; status: FlowRunStatus; endedAt: Date; path?: readonly unknown[] | undefined }): Promise<void> {
  await db
    .updateTable('flow_runs')
    .set({ status: input.status, endedAt: input.endedAt, ...(input.path === undefined ? {} : { path: JSON.stringify(input.path) }) })
    .where('id', '=', input.runId)
    .execute();
}

export interface FlowRunFilter {
  flowId: string;
  version?: number | undefined;
  projectId?: string | undefined;
  status?: FlowRunStatus | undefined;
  trigger?: string | undefined;
  /** Only runs that started before this moment (the next page of a list). */
  before?: string | undefined;
  limit: number;
  /** The projects the reader may see; undefined = all of them. */
  readable?: RawBuilder<string> | undefined;
}

/** A run with what a list or a trace names it by: its version's number, its project's name, its subject's. */
function runsWithNames(db: Db) {
  return db
    .selectFrom('flow_runs as r')
    .innerJoin('flow_versions as v', 'v.id', 'r.flowVersionId')
    .innerJoin('sales_projects as p', 'p.id', 'r.projectId')
    .leftJoin('milestones as m', (join) => join.on(sql<boolean>`m.id::text = r.subject_id`))
    .select([
      'r.id',
      'r.workflowId',
      'r.flowVersionId',
      'r.triggerEvent',
      'r.subjectId',
      'r.status',
      'r.startedAt',
      'r.endedAt',
      'r.projectId',
      'v.flowId',
      'v.version',
      'p.name as projectName',
      'm.name as subjectName',
    ]);
}

/** A flow's runs, newest first, only of the projects the reader may see. */
export async function listFlowRuns(db: Db, filter: FlowRunFilter) {
  let query = runsWithNames(db).where('v.flowId', '=', filter.flowId);
  if (filter.readable) query = query.where(sql<boolean>`r.project_id in ${filter.readable}`);
  // A version beyond the largest there can be has no runs.
  if (filter.version !== undefined) query = filter.version > largestVersion ? query.where(sql<boolean>`false`) : query.where('v.version', '=', filter.version);
  if (filter.projectId) query = query.where('r.projectId', '=', filter.projectId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.trigger) query = query.where('r.triggerEvent', '=', filter.trigger);
  if (filter.before) query = query.where('r.startedAt', '<', new Date(filter.before));
  return query.orderBy('r.startedAt', 'desc').orderBy('r.id', 'desc').limit(filter.limit).execute();
}

export type FlowRunRow = Awaited<ReturnType<typeof listFlowRuns>>[number];

export async function findFlowRun(db: Db, id: string) {
  return runsWithNames(db).select('r.path').where('r.id', '=', id).executeTakeFirst();
}

/** The stored paths of a version's last `last` finished runs (newest first), of the projects the reader may see. */
export async function finishedRunPaths(db: Db, input: { versionId: string; last: number; readable?: RawBuilder<string> | undefined }) {
  let query = db
    .selectFrom('flow_runs as r')
    .select(['r.id', 'r.path'])
    .where('r.flowVersionId', '=', input.versionId)
    .where('r.status', '<>', 'running')
    .where('r.path', 'is not', null);
  if (input.readable) query = query.where(sql<boolean>`r.project_id in ${input.readable}`);
  return query.orderBy('r.endedAt', 'desc').orderBy('r.id', 'desc').limit(input.last).execute();
}

/**
 * For each published version of a flow, oldest first, how many of its runs are still running
 * (only of the projects the reader may see): the runs that stay on that version when a newer one is published.
 */
export async function runningRunsByVersion(db: Db, input: { flowId: string; readable?: RawBuilder<string> | undefined }) {
  const rows = await db
    .selectFrom('flow_versions as v')
    .leftJoin('flow_runs as r', (join) => {
      const running = join.onRef('r.flowVersionId', '=', 'v.id').on('r.status', '=', 'running');
      return input.readable ? running.on(sql<boolean>`r.project_id in ${input.readable}`) : running;
    })
    .select(['v.version', (eb) => eb.fn.count<string>('r.id').as('running')])
    .where('v.flowId', '=', input.flowId)
    .groupBy('v.version')
    .orderBy('v.version')
    .execute();
  return rows.map((row) => ({ version: row.version, running: Number(row.running) }));
}

/** Every request a run opened, oldest first, with the names of who was asked and who decided. */
export async function runDecisions(db: Db, runId: string) {
  return db
    .selectFrom('approval_requests as a')
    .innerJoin('users as asked', 'asked.id', 'a.approverId')
    .leftJoin('users as decider', 'decider.id', 'a.decidedBy')
    .leftJoin('users as absent', 'absent.id', 'a.onBehalfOfId')
    .select([
      'a.onBehalfOfId',
      'absent.name as onBehalfOfName',
      'a.assignmentNote',
      'a.id',
      'a.nodeId',
      'a.kind',
      'a.status',
      'a.approverId',
      'asked.name as approverName',
      'a.decidedBy',
      'decider.name as decidedByName',
      'a.decidedAt',
      'a.dueAt',
      'a.comment',
      'a.createdAt',
    ])
    .where('a.flowRunId', '=', runId)
    .orderBy('a.createdAt')
    .orderBy('a.id')
    .limit(1000)
    .execute();
}

/** Names of people, for saying who a live run waits for. */
export async function namesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The run's own row, without the names `findFlowRun` joins. */
export async function findFlowRunRow(db: Db, id: string): Promise<FlowRun | undefined> {
  return db.selectFrom('flow_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The flow a run belongs to, found by the run's id or by its workflow id. */
export async function findFlowIdOfRun(db: Db, by: { runId: string } | { workflowId: string }): Promise<string | undefined> {
  const query = db.selectFrom('flow_runs as r').innerJoin('flow_versions as v', 'v.id', 'r.flowVersionId').select('v.flowId');
  const row = await ('runId' in by ? query.where('r.id', '=', by.runId) : query.where('r.workflowId', '=', by.workflowId)).executeTakeFirst();
  return row?.flowId;
}

/** Records the run once per workflow id and returns its id (retries find the same row). */
export async function registerFlowRunOnce(db: Db, run: Insertable<FlowRunsTable>): Promise<string> {
  await db
    .insertInto('flow_runs')
    .values(run)
    .onConflict((oc) => oc.column('workflowId').doNothing())
    .execute();
  return (await db.selectFrom('flow_runs').select('id').where('workflowId', '=', run.workflowId).executeTakeFirstOrThrow()).id;
}
