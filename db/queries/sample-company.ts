import { sql } from 'kysely';
import type { Db } from '../connect';
import { byName } from './name-order';
import type { SampleCompanyRowsTable } from '../schema';

type SampleEntity = SampleCompanyRowsTable['entity'];

/** Notes that the sample company made these rows, so that removing it deletes exactly them. */
export async function recordSampleRows(db: Db, entity: SampleEntity, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .insertInto('sample_company_rows')
    .values(ids.map((entityId) => ({ entity, entityId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The ids of the sample's people and projects (empty when no sample is loaded). */
export async function listSampleRows(db: Db): Promise<{ users: string[]; projects: string[] }> {
  const rows = await db.selectFrom('sample_company_rows').select(['entity', 'entityId']).orderBy('createdAt').orderBy('entityId').execute();
  return {
    users: rows.filter((r) => r.entity === 'users').map((r) => r.entityId),
    projects: rows.filter((r) => r.entity === 'sales_projects').map((r) => r.entityId),
  };
}

/** How many projects there are, the sample's included: an instance without any is empty. */
export async function countProjects(db: Db): Promise<number> {
  const row = await db.selectFrom('sales_projects').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Serialises loading and removing the sample: two at once would each see "none loaded". */
export async function lockSampleCompany(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended('milepost:sample-company', 0))`.execute(db);
}

/** The Temporal workflows of the sample's projects that may still run: lifecycles and flow runs. */
export async function listSampleFlowRunWorkflowIds(db: Db, projectIds: readonly string[]): Promise<string[]> {
  if (projectIds.length === 0) return [];
  const rows = await db.selectFrom('flow_runs').select('workflowId').where('projectId', 'in', projectIds).where('status', '=', 'running').execute();
  return rows.map((r) => r.workflowId);
}

/**
 * Why the sample's people cannot go without touching something else, or null: someone outside
 * the sample reports to one of them (their manager would be lost), or something outside the
 * sample's projects names one of them (it would be left pointing at nobody).
 */
export async function sampleRemovalBlocker(db: Db, userIds: readonly string[], projectIds: readonly string[]): Promise<string | null> {
  if (userIds.length === 0) return null;
  const reporting = await db
    .selectFrom('users')
    .select('name')
    .where('managerId', 'in', userIds)
    .where('id', 'not in', userIds)
    .orderBy(byName('name'))
    .executeTakeFirst();
  if (reporting) return `${reporting.name} is not part of the sample but reports to someone in it; give them another manager first.`;
  const notSample = projectIds.length === 0 ? sql<boolean>`true` : sql<boolean>`project_id not in (${sql.join(projectIds)})`;
  const found = await sql<{ what: string }>`
    select 'owns the project "' || name || '"' as what from sales_projects where owner_id in (${sql.join(userIds)}) and ${projectIds.length === 0 ? sql`true` : sql`id not in (${sql.join(projectIds)})`}
    union all select 'is on a project outside the sample' from project_members where user_id in (${sql.join(userIds)}) and ${notSample}
    union all select 'owns a milestone outside the sample' from milestones where owner_id in (${sql.join(userIds)}) and ${notSample}
    union all select 'has a task outside the sample' from tasks where assignee_id in (${sql.join(userIds)}) and ${notSample}
    union all select 'owns a risk outside the sample' from risks where owner_id in (${sql.join(userIds)}) and ${notSample}
    union all select 'reported KPIs outside the sample' from kpi_reports where reporter_id in (${sql.join(userIds)}) and ${notSample}
    union all select 'has a request outside the sample' from approval_requests where (approver_id in (${sql.join(userIds)}) or decided_by in (${sql.join(userIds)})) and ${notSample}
    union all select 'received an escalation outside the sample' from escalations where (recipient_id in (${sql.join(userIds)}) or acknowledged_by in (${sql.join(userIds)})) and ${notSample}
    union all select 'requested a change outside the sample' from change_requests where (requested_by in (${sql.join(userIds)}) or decided_by in (${sql.join(userIds)})) and ${notSample}
    union all select 'published a flow version' from flow_versions where published_by in (${sql.join(userIds)})
    union all select 'edited a shared calendar' from shared_calendar_years where updated_by in (${sql.join(userIds)})
    limit 1
  `.execute(db);
  const what = found.rows[0]?.what;
  return what ? `Someone in the sample ${what}; change that first, or the removal would touch it.` : null;
}

/**
 * Deletes the sample's projects (their plans, runs, requests and history go with them), the inbox
 * items anyone got about them, and then its people; and forgets the sample. Nothing else.
 */
export async function deleteSampleRows(db: Db, { users, projects }: { users: readonly string[]; projects: readonly string[] }): Promise<void> {
  if (projects.length > 0) {
    await db.deleteFrom('inbox_items').where(sql<string>`payload->>'projectId'`, 'in', projects).execute();
    // Decision links name their request by id only; the projects' requests are going, so are they.
    await db
      .deleteFrom('decision_links')
      .where((eb) =>
        eb.or([
          eb('targetId', 'in', eb.selectFrom('approval_requests').select('id').where('projectId', 'in', projects)),
          eb('targetId', 'in', eb.selectFrom('escalations').select('id').where('projectId', 'in', projects)),
        ]),
      )
      .execute();
    await db.deleteFrom('sales_projects').where('id', 'in', projects).execute();
  }
  if (users.length > 0) await db.deleteFrom('users').where('id', 'in', users).execute();
  await db.deleteFrom('sample_company_rows').execute();
}
