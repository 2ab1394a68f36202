import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../connect';
import type { FlowRunStatus } from '../../workflows/domain';

/** Closes a run; the path it took is kept with it when the interpreter hands it over. */
export async function finishFlowRun(db: Db, input: { runId: string; status: FlowRunStatus; endedAt: Date; path?: readonly unknown[] | undefined }): Promise<void> {
  await db
    .updateTable('flow_runs')
    .set({ status: input.status, ended_at: input.endedAt, ...(input.path === undefined ? {} : { path: JSON.stringify(input.path) }) })
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
    .innerJoin('flow_versions as v', 'v.id', 'r.flow_version_id')
    .innerJoin('sales_projects as p', 'p.id', 'r.project_id')
    .leftJoin('milestones as m', (join) => join.on(sql<boolean>`m.id::text = r.subject_id`))
    .select([
      'r.id',
      'r.workflow_id',
      'r.flow_version_id',
      'r.trigger_event',
      'r.subject_id',
      'r.status',
      'r.started_at',
      'r.ended_at',
      'r.project_id',
      'v.flow_id',
      'v.version',
      'p.name as project_name',
      'm.name as subject_name',
    ]);
}

/** A flow's runs, newest first, only of the projects the reader may see. */
export async function listFlowRuns(db: Db, filter: FlowRunFilter) {
  let query = runsWithNames(db).where('v.flow_id', '=', filter.flowId);
  if (filter.readable) query = query.where(sql<boolean>`r.project_id in ${filter.readable}`);
  if (filter.version !== undefined) query = query.where('v.version', '=', filter.version);
  if (filter.projectId) query = query.where('r.project_id', '=', filter.projectId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.trigger) query = query.where('r.trigger_event', '=', filter.trigger);
  if (filter.before) query = query.where('r.started_at', '<', new Date(filter.before));
  return query.orderBy('r.started_at', 'desc').orderBy('r.id', 'desc').limit(filter.limit).execute();
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
    .where('r.flow_version_id', '=', input.versionId)
    .where('r.status', '<>', 'running')
    .where('r.path', 'is not', null);
  if (input.readable) query = query.where(sql<boolean>`r.project_id in ${input.readable}`);
  return query.orderBy('r.ended_at', 'desc').orderBy('r.id', 'desc').limit(input.last).execute();
}

/** Every request a run opened, oldest first, with the names of who was asked and who decided. */
export async function runDecisions(db: Db, runId: string) {
  return db
    .selectFrom('approval_requests as a')
    .innerJoin('users as asked', 'asked.id', 'a.approver_id')
    .leftJoin('users as decider', 'decider.id', 'a.decided_by')
    .select([
      'a.id',
      'a.node_id',
      'a.kind',
      'a.status',
      'a.approver_id',
      'asked.name as approver_name',
      'a.decided_by',
      'decider.name as decided_by_name',
      'a.decided_at',
      'a.due_at',
      'a.comment',
      'a.created_at',
    ])
    .where('a.flow_run_id', '=', runId)
    .orderBy('a.created_at')
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
