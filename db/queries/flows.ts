import { sql } from 'kysely';
import type { Db } from '../connect';
import { byName } from './name-order';
import type { Flow, FlowBinding, FlowVersion } from '../schema';
import { withinTransaction } from '../within-transaction';

export async function insertFlow(db: Db, flow: { name: string; triggerEvent: string; draft: unknown }): Promise<Flow> {
  return db
    .insertInto('flows')
    .values({ name: flow.name, triggerEvent: flow.triggerEvent, draft: JSON.stringify(flow.draft) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findFlow(db: Db, id: string): Promise<Flow | undefined> {
  return db.selectFrom('flows').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFlowByName(db: Db, name: string): Promise<Flow | undefined> {
  return db.selectFrom('flows').selectAll().where('name', '=', name).orderBy('createdAt').executeTakeFirst();
}

/** The flows in use (`archived`: the archived ones instead), by name. */
export async function listFlows(db: Db, { archived = false }: { archived?: boolean } = {}) {
  return db
    .selectFrom('flows')
    .leftJoin('flow_versions', 'flow_versions.flowId', 'flows.id')
    .select(['flows.id', 'flows.name', 'flows.triggerEvent', 'flows.draftUpdatedAt', 'flows.createdAt', 'flows.archivedAt'])
    .select((eb) => eb.fn.max('flow_versions.version').as('latestVersion'))
    .where('flows.archivedAt', archived ? 'is not' : 'is', null)
    .groupBy('flows.id')
    .orderBy(byName('flows.name'))
    .execute();
}

export async function saveDraft(db: Db, id: string, draft: { name: string; triggerEvent: string; document: unknown }): Promise<Flow> {
  return db
    .updateTable('flows')
    .set({ name: draft.name, triggerEvent: draft.triggerEvent, draft: JSON.stringify(draft.document), draftUpdatedAt: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Appends the next version number; the flow row is locked so two publishes cannot take the same number. */
export async function publishVersion(db: Db, flowId: string, document: unknown, publishedBy: string | null): Promise<FlowVersion> {
  return withinTransaction(db, async (trx) => {
    await trx.selectFrom('flows').select('id').where('id', '=', flowId).forUpdate().executeTakeFirstOrThrow();
    const latest = await trx
      .selectFrom('flow_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('flowId', '=', flowId)
      .executeTakeFirst();
    return trx
      .insertInto('flow_versions')
      .values({ flowId: flowId, version: (latest?.version ?? 0) + 1, document: JSON.stringify(document), publishedBy: publishedBy })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export async function listVersions(db: Db, flowId: string) {
  return db
    .selectFrom('flow_versions')
    .select(['id', 'version', 'publishedAt', 'publishedBy'])
    .where('flowId', '=', flowId)
    .orderBy('version', 'desc')
    .execute();
}

/** The largest version number a flow can have (PostgreSQL's integer): any larger one exists nowhere. */
export const largestVersion = 2_147_483_647;

export async function findVersion(db: Db, flowId: string, version: number): Promise<FlowVersion | undefined> {
  if (version > largestVersion) return undefined;
  return db.selectFrom('flow_versions').selectAll().where('flowId', '=', flowId).where('version', '=', version).executeTakeFirst();
}

export async function findVersionById(db: Db, id: string): Promise<FlowVersion | undefined> {
  return db.selectFrom('flow_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Restores an archived flow; undefined when there is no such flow. */
export async function restoreFlow(db: Db, id: string): Promise<Flow | undefined> {
  return db.updateTable('flows').set({ archivedAt: null }).where('id', '=', id).returningAll().executeTakeFirst();
}

export type FlowBindingPlace = Awaited<ReturnType<typeof bindingsOfFlow>>[number];

/** Where the flow is bound: org-wide (projectId null) or for a project, with the project's name. */
async function bindingsOfFlow(db: Db, flowId: string) {
  return db
    .selectFrom('flow_bindings as b')
    .leftJoin('sales_projects as p', 'p.id', 'b.projectId')
    .select(['b.triggerEvent', 'b.projectId', 'p.name as projectName'])
    .where('b.flowId', '=', flowId)
    .orderBy('b.triggerEvent')
    .execute();
}

/**
 * Archives the flow unless something is bound to it, then answers where it is bound. The flow's row
 * is locked first, as `bindFlow` locks it before binding, so a binding cannot slip in between the
 * check and the archiving. Undefined when there is no such flow.
 */
export async function archiveFlowIfUnbound(db: Db, id: string): Promise<{ flow: Flow; boundAt: FlowBindingPlace[] } | undefined> {
  return withinTransaction(db, async (trx) => {
    const flow = await trx.selectFrom('flows').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!flow) return undefined;
    const boundAt = await bindingsOfFlow(trx, id);
    if (boundAt.length > 0 || flow.archivedAt !== null) return { flow, boundAt };
    const archived = await trx.updateTable('flows').set({ archivedAt: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    return { flow: archived, boundAt };
  });
}

/**
 * Binds a flow to an event for one project, or for all (projectId null); replaces the previous
 * binding. False, and nothing bound, when the flow is archived (checked under a lock of its row, which
 * archiving takes too).
 */
export async function bindFlow(db: Db, binding: { triggerEvent: string; projectId: string | null; flowId: string; pinnedVersion?: number | null }): Promise<boolean> {
  return withinTransaction(db, async (trx) => {
    const flow = await trx.selectFrom('flows').select('archivedAt').where('id', '=', binding.flowId).forShare().executeTakeFirst();
    if (!flow || flow.archivedAt !== null) return false;
    let remove = trx.deleteFrom('flow_bindings').where('triggerEvent', '=', binding.triggerEvent);
    remove = binding.projectId === null ? remove.where('projectId', 'is', null) : remove.where('projectId', '=', binding.projectId);
    await remove.execute();
    await trx
      .insertInto('flow_bindings')
      .values({ triggerEvent: binding.triggerEvent, projectId: binding.projectId, flowId: binding.flowId, pinnedVersion: binding.pinnedVersion ?? null })
      .execute();
    return true;
  });
}

export async function listBindings(db: Db) {
  return db.selectFrom('flow_bindings').selectAll().orderBy('triggerEvent').orderBy('createdAt').execute();
}

/**
 * The binding that decides which flow runs on `event` for this project, with the version of its
 * flow new runs use (the pinned one, else the newest published): the project's own binding first,
 * else the global one; undefined when nothing published is bound. The engine and the project page both ask this one question.
 */
export async function resolveBinding(db: Db, projectId: string, event: string): Promise<{ binding: FlowBinding; version: FlowVersion } | undefined> {
  const row = await db
    .selectFrom('flow_bindings as b')
    .innerJoin('flow_versions as v', 'v.flowId', 'b.flowId')
    .select(['b.id as bindingId', 'b.projectId as bindingProjectId', 'b.triggerEvent as bindingTriggerEvent', 'b.createdAt as bindingCreatedAt', 'b.pinnedVersion as bindingPinnedVersion'])
    .selectAll('v')
    .where('b.triggerEvent', '=', event)
    .where((eb) => eb.or([eb('b.pinnedVersion', 'is', null), eb('v.version', '=', eb.ref('b.pinnedVersion'))]))
    .where((eb) => eb.or([eb('b.projectId', '=', projectId), eb('b.projectId', 'is', null)]))
    .orderBy(sql`b.project_id is null`)
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const { bindingId, bindingProjectId, bindingTriggerEvent, bindingCreatedAt, bindingPinnedVersion, ...version } = row;
  return {
    binding: { id: bindingId, projectId: bindingProjectId, triggerEvent: bindingTriggerEvent, flowId: version.flowId, pinnedVersion: bindingPinnedVersion, createdAt: bindingCreatedAt },
    version,
  };
}

/** The version new runs of the flow bound to `event` for this project use (see `resolveBinding`). */
export async function resolveBoundVersion(db: Db, projectId: string, event: string): Promise<FlowVersion | undefined> {
  return (await resolveBinding(db, projectId, event))?.version;
}

/** Removes the binding of `triggerEvent` for one project (or the global one); false when there was none. */
export async function unbindFlow(db: Db, binding: { triggerEvent: string; projectId: string | null }): Promise<boolean> {
  let remove = db.deleteFrom('flow_bindings').where('triggerEvent', '=', binding.triggerEvent);
  remove = binding.projectId === null ? remove.where('projectId', 'is', null) : remove.where('projectId', '=', binding.projectId);
  const result = await remove.executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface BindingRemoval {
  at: Date;
  byName: string | null;
  scope: 'project' | 'global';
}

/**
 * For each trigger event, the last removal of a binding that decided it for this project (its own,
 * or the one for all projects), from the audit trail: when, by whom, and which one. Events whose
 * bindings were never removed are absent. One read of the trail for all events.
 */
export async function lastBindingRemovals(db: Db, projectId: string): Promise<Map<string, BindingRemoval>> {
  const rows = await db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.actorUserId')
    .distinctOn(sql`a.before->>'trigger_event'`)
    .select(['a.at', 'u.name as byName', sql<string>`a.before->>'trigger_event'`.as('triggerEvent'), sql<string | null>`a.before->>'project_id'`.as('boundProjectId')])
    .where('a.entity', '=', 'flow_bindings')
    .where('a.action', '=', 'delete')
    .where((eb) => eb.or([eb('a.projectId', '=', projectId), eb('a.projectId', 'is', null)]))
    .orderBy(sql`a.before->>'trigger_event'`)
    .orderBy('a.id', 'desc')
    .execute();
  return new Map(rows.map((row) => [row.triggerEvent, { at: row.at, byName: row.byName, scope: row.boundProjectId === null ? 'global' : 'project' }]));
}
