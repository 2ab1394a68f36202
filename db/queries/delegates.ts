import { sql } from 'kysely';
import type { Db } from '../connect';
import type { AccessRole } from '../../workflows/domain';
import { projectPeopleAndManagers, type ProjectRelation } from './project-access';

/**
 * Every active person who decides with their role (not a viewer) and how each stands to the
 * project (as findProjectRelation answers for one), by name: the pool a request may be handed to.
 */
export async function listDecidersWithRelation(db: Db, projectId: string): Promise<({ id: string; name: string; role: AccessRole } & ProjectRelation)[]> {
  const result = await sql<{ id: string; name: string; role: AccessRole; ownerId: string; memberRole: ProjectRelation['memberRole']; managesOwner: boolean; managesMember: boolean }>`
    ${projectPeopleAndManagers(projectId)}
    select
      u.id, u.name, u.role, p.owner_id,
      (select role from project_members where project_id = p.id and user_id = u.id) as member_role,
      coalesce((select bool_or(is_owner) from chain where manager_id = u.id), false) as manages_owner,
      exists (select 1 from chain where manager_id = u.id) as manages_member
    from users u cross join sales_projects p
    where p.id = ${projectId} and u.active and u.role <> 'viewer'
    order by u.name collate name_order, u.id
  `.execute(db);
  return result.rows;
}

/** Which of these requests may be handed on: every acknowledgement, and approvals whose step allows delegation. */
export async function delegableRequestIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('approval_requests as a')
    .innerJoin('flow_runs as r', 'r.id', 'a.flowRunId')
    .innerJoin('flow_versions as v', 'v.id', 'r.flowVersionId')
    .select('a.id')
    .where('a.id', 'in', [...ids])
    .where((eb) =>
      eb.or([
        eb('a.kind', '=', 'acknowledgement'),
        eb.exists(sql`(select 1 from jsonb_array_elements(v.document -> 'nodes') n where n ->> 'id' = a.node_id and (n -> 'config' ->> 'allowDelegation')::boolean)`),
      ]),
    )
    .execute();
  return new Set(rows.map((r) => r.id));
}
