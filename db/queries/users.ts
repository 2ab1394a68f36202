import { sql, type Updateable } from 'kysely';
import type { Db } from '../connect';
import { containing } from './containing';
import { byName } from './name-order';
import type { NewUser, User, UsersTable } from '../schema';
import type { Language } from '../../workflows/i18n/languages';

export async function insertUser(db: Db, user: NewUser): Promise<User> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

export async function findUser(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Everyone by name, or those whose name or e-mail contains `q` (any script, case aside). */
export async function listUsers(db: Db, q?: string): Promise<User[]> {
  let query = db.selectFrom('users').selectAll();
  if (q) query = query.where((eb) => eb.or([eb('name', 'ilike', containing(q)), eb('email', 'ilike', containing(q))]));
  return query.orderBy(byName('name')).orderBy('id').execute();
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

/** The person with this e-mail, compared lowercased (older rows may hold capitals; an exact match wins). */
export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const lowered = email.trim().toLowerCase();
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', lowered)
    .orderBy(sql`email = ${lowered}`, 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Locks one person's row for the rest of the transaction. */
export async function lockUser(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Serialises changes to who manages whom and who is admin until the transaction ends: checked one
 * at a time, two concurrent changes cannot together make a cycle or leave no admin.
 */
export async function lockUserAdministration(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended('milepost:user-administration', 0))`.execute(db);
}

export async function updateUser(db: Db, id: string, changes: Updateable<UsersTable>): Promise<User> {
  return db.updateTable('users').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Whether `managerId` stands above `userId` in the org chart (any number of levels; a cycle stops at 50). */
export async function isAbove(db: Db, managerId: string, userId: string): Promise<boolean> {
  const result = await sql<{ found: boolean }>`
    with recursive chain(manager_id, depth) as (
      select manager_id, 1 from users where id = ${userId}::uuid and manager_id is not null
      union all
      select u.manager_id, c.depth + 1 from chain c join users u on u.id = c.manager_id
      where u.manager_id is not null and c.depth < 50
    )
    select exists (select 1 from chain where manager_id = ${managerId}::uuid) as found
  `.execute(db);
  return result.rows[0]?.found ?? false;
}

/** Everyone below `managerId` in the org chart, however many levels down (ids). */
export async function idsBelow(db: Db, managerId: string): Promise<Set<string>> {
  const result = await sql<{ id: string }>`
    with recursive below(id, depth) as (
      select id, 1 from users where manager_id = ${managerId}::uuid
      union all
      select u.id, b.depth + 1 from below b join users u on u.manager_id = b.id
      where b.depth < 50
    )
    select distinct id from below
  `.execute(db);
  return new Set(result.rows.map((row) => row.id));
}

export async function countActiveAdmins(db: Db, { except }: { except?: string } = {}): Promise<number> {
  let query = db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').where('active', '=', true);
  if (except !== undefined) query = query.where('id', '<>', except);
  return (await query.executeTakeFirstOrThrow()).n;
}

/** Which of these ids name existing people. */
export async function existingUserIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  return new Set((await db.selectFrom('users').select('id').where('id', 'in', ids).execute()).map((user) => user.id));
}

export async function findUserName(db: Db, id: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

/** The roles that at least one active person holds today. */
export async function activeRoles(db: Db) {
  return (await db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.userId').select('user_roles.role as role').where('users.active', '=', true).distinct().execute()).map((r) => r.role);
}

/** The active people among `ids` (in no particular order). */
export async function listActivePeople(db: Db, ids: readonly string[]) {
  return db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).where('active', '=', true).execute();
}

/** Everyone holding a role, by id. */
export async function listUserIdsWithRole(db: Db, role: string): Promise<string[]> {
  return (await db.selectFrom('user_roles').select('userId').where('role', '=', role).orderBy('userId').execute()).map((r) => r.userId);
}

/** Each person's own language, by id; people without one are left out (they read English). */
/** The instance's language (instance_settings): what Milepost writes in to people who chose none. */
export async function getInstanceLanguage(db: Db): Promise<Language> {
  return (await db.selectFrom('instance_settings').select('language').executeTakeFirstOrThrow()).language;
}

export async function setInstanceLanguage(db: Db, language: Language): Promise<void> {
  await db.updateTable('instance_settings').set({ language, updatedAt: new Date() }).execute();
}

/** The language each of these people reads what Milepost sends them in: their own, else the instance's. */
export async function listLanguages(db: Db, ids: readonly string[]): Promise<{ of: Map<string, Language>; instance: Language }> {
  if (ids.length === 0) return { of: new Map(), instance: await getInstanceLanguage(db) };
  // One round trip: the instance's row, with each of these people who chose a language joined to it.
  const rows = await db
    .selectFrom('instance_settings')
    .leftJoin('users', (join) => join.on('users.id', 'in', ids).on('users.language', 'is not', null))
    .select(['instance_settings.language as instance', 'users.id', 'users.language'])
    .execute();
  const of = new Map(rows.flatMap((row) => (row.id !== null && row.language !== null ? [[row.id, row.language] as const] : [])));
  return { of, instance: rows[0]!.instance };
}
