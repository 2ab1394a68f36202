import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../connect';
import type { ProjectMemberRole, RetrospectiveStatus } from '../../workflows/domain';

/** How one person stands to one project: on it (and how), or above its people in the org chart. */
export interface ProjectRelation {
  ownerId: string;
  memberRole: ProjectMemberRole | null;
  /** The person is above the owner in the org chart (any number of levels). */
  managesOwner: boolean;
  /** The person is above at least one of the project's members. */
  managesMember: boolean;
}

/**
 * `with recursive people(person_id, is_owner), chain(is_owner, manager_id, depth)`: the project's
 * owner and members, and every manager above each of them (a cycle in the org chart stops at 50
 * levels). Start a query with it, then ask `chain` how someone stands above the project's people.
 */
export function projectPeopleAndManagers(projectId: string): RawBuilder<unknown> {
  return sql`
    with recursive people(person_id, is_owner) as (
      select owner_id, true from sales_projects where id = ${projectId}
      union
      select user_id, false from project_members where project_id = ${projectId}
    ),
    chain(is_owner, manager_id, depth) as (
      select p.is_owner, u.manager_id, 1 from people p join users u on u.id = p.person_id where u.manager_id is not null
      union all
      select c.is_owner, u.manager_id, c.depth + 1 from chain c join users u on u.id = c.manager_id
      where u.manager_id is not null and c.depth < 50
    )`;
}

/**
 * Everybody who stands to a project: its owner, its members with their roles, and the managers above
 * them in the org chart. Enough to tell any person's relation to it (`relationOf`) without asking again.
 */
export interface ProjectPeople {
  ownerId: string;
  members: { userId: string; role: ProjectMemberRole }[];
  /** Everyone above the owner in the org chart, any number of levels. */
  ownerManagers: string[];
  /** Everyone above the owner or any member. */
  managers: string[];
}

/** One query: undefined when the project does not exist. A cycle in the org chart stops at 50 levels. */
export async function findProjectPeople(db: Db, projectId: string): Promise<ProjectPeople | undefined> {
  const result = await sql<ProjectPeople>`
    ${projectPeopleAndManagers(projectId)}
    select
      p.owner_id,
      coalesce((select json_agg(json_build_object('userId', user_id, 'role', role)) from project_members where project_id = p.id), '[]') as members,
      array(select distinct manager_id::text from chain where is_owner) as owner_managers,
      array(select distinct manager_id::text from chain) as managers
    from sales_projects p where p.id = ${projectId}
  `.execute(db);
  return result.rows[0];
}

/** How one person stands to a project, from its people. */
export function relationOf(people: ProjectPeople, userId: string): ProjectRelation {
  return {
    ownerId: people.ownerId,
    memberRole: people.members.find((m) => m.userId === userId)?.role ?? null,
    managesOwner: people.ownerManagers.includes(userId),
    managesMember: people.managers.includes(userId),
  };
}

/** One query: undefined when the project does not exist. */
export async function findProjectRelation(db: Db, projectId: string, userId: string): Promise<ProjectRelation | undefined> {
  const people = await findProjectPeople(db, projectId);
  return people && relationOf(people, userId);
}

/** Whose projects someone reads: the ones they are on and, with `withReports`, those of everybody below them. */
export interface ProjectReader {
  userId: string;
  withReports: boolean;
}

/** The person, and with `withReports` everybody below them in the org chart (a cycle stops at 50 levels). */
function peopleOf({ userId, withReports }: ProjectReader): RawBuilder<string> {
  return withReports
    ? sql`with recursive below(id, depth) as (
            select ${userId}::uuid, 0
            union all
            select u.id, b.depth + 1 from users u join below b on u.manager_id = b.id where b.depth < 50
          ) select id from below`
    : sql`select ${userId}::uuid`;
}

/**
 * The ids of the projects a person is on (owner or member) and, with `withReports`, the projects
 * of everybody below them in the org chart — as a subquery for `where p.id in (...)`.
 */
export function projectIdsOf(userId: string, { withReports }: { withReports: boolean }): RawBuilder<string> {
  const people = peopleOf({ userId, withReports });
  return sql<string>`(
    select id from sales_projects where owner_id in (${people})
    union
    select project_id from project_members where user_id in (${people})
  )`;
}

/**
 * The same projects as projectIdsOf, as a condition on the project row `alias`: the database can
 * check it row by row while it walks an index in the list's order, and stop after one page,
 * instead of gathering every readable id first.
 */
export function readableBy(reader: ProjectReader, alias: string): RawBuilder<boolean> {
  const people = peopleOf(reader);
  return sql<boolean>`(${sql.ref(`${alias}.owner_id`)} in (${people}) or ${sql.ref(`${alias}.id`)} in (select project_id from project_members where user_id in (${people})))`;
}

/** The state of a project's closing review, null before it has one. */
export async function findReviewStatus(db: Db, projectId: string): Promise<RetrospectiveStatus | null> {
  const row = await db.selectFrom('retrospectives').select('status').where('projectId', '=', projectId).executeTakeFirst();
  return row?.status ?? null;
}
