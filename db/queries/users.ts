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
 * The active manager `levels` steps above `userId` in the org chart (1 = the nearest active
 * manager), or undefined past the top. People who left (inactive) are passed over, so an
 * escalation goes to whoever now stands in their place. One recursive query; a cycle stops at 50.
 */
export async function findManagerAbove(db: Db, userId: string, levels: number): Promise<User | undefined> {
  const result = await sql<User>`
    with recursive chain(id, depth) as (
      select manager_id, 1 from users where id = ${userId} and manager_id is not null
      union all
      select u.manager_id, c.depth + 1 from users u join chain c on u.id = c.id
      where u.manager_id is not null and c.depth < 50
    )
    select u.* from chain c join users u on u.id = c.id
    where u.active
    order by c.depth
    offset ${levels - 1} limit 1
  `.execute(db);
  return result.rows[0];
}
