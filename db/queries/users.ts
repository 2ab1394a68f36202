import { sql } from 'kysely';
import type { Db } from '../connect';
import type { NewUser, User } from '../schema';

export async function insertUser(db: Db, user: NewUser): Promise<User> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

export async function findUser(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<User[]> {
  return db.selectFrom('users').selectAll().orderBy('name').execute();
}

/**
 * The manager `levels` steps above `userId` in the org chart (1 = direct manager), or
 * undefined past the top. Walks the chart in one recursive query; a cycle stops at depth 50.
 */
export async function findManagerAbove(db: Db, userId: string, levels: number): Promise<User | undefined> {
  const result = await sql<User>`
    with recursive chain(id, depth) as (
      select manager_id, 1 from users where id = ${userId}
      union all
      select u.manager_id, c.depth + 1 from users u join chain c on u.id = c.id
      where c.depth < least(${levels}, 50) and u.manager_id is not null
    )
    select u.* from chain c join users u on u.id = c.id where c.depth = ${levels}
  `.execute(db);
  return result.rows[0];
}
