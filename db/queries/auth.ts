import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../connect';
import type { AccessRole } from '../../workflows/domain';

/** sha256 hex: enough for high-entropy random secrets (session ids, API tokens, link ids). */
export const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');

export const randomSecret = (bytes = 32) => randomBytes(bytes).toString('base64url');

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  role: AccessRole;
  managerId: string | null;
}

export async function createSession(db: Db, userId: string, ttlMs: number) {
  const secret = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = new Date(Date.now() + ttlMs);
  await db.insertInto('sessions').values({ id: sha256(secret), userId: userId, csrfToken: csrfToken, expiresAt: expiresAt }).execute();
  return { secret, csrfToken, expiresAt };
}

/** The columns of a signed-in person's account that authentication reads with their session or token. */
const accountColumns = ['u.id as userId', 'u.name', 'u.email', 'u.managerId', 'u.role as userRole', 'u.active', 'u.language'] as const;

/** The live session behind a cookie's secret, with its (active) person: one query. */
export async function findSession(db: Db, secret: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .select(['s.id', 's.csrfToken', 's.expiresAt', ...accountColumns])
    .where('s.id', '=', sha256(secret))
    .where('s.expiresAt', '>', new Date())
    .where('u.active', '=', true)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export const apiTokenPrefix = 'mp_';

/** Creates a token and returns its secret, the only time anybody sees it. */
export async function createApiToken(db: Db, input: { userId: string; name: string; role: AccessRole; expiresAt?: Date | null; parentTokenId?: string | null }) {
  const token = `${apiTokenPrefix}${randomSecret()}`;
  const row = await db
    .insertInto('api_tokens')
    .values({ userId: input.userId, name: input.name, role: input.role, tokenHash: sha256(token), prefix: token.slice(0, apiTokenPrefix.length + 6), expiresAt: input.expiresAt ?? null, parentTokenId: input.parentTokenId ?? null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { token, row };
}

/** The live token (not revoked, not expired) behind a bearer secret, with its (active) person: one query. */
export async function findApiToken(db: Db, token: string) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.userId')
    .select(['t.id', 't.role', 't.lastUsedAt', 't.expiresAt', ...accountColumns])
    .where('t.tokenHash', '=', sha256(token))
    .where('t.revokedAt', 'is', null)
    .where((eb) => eb.or([eb('t.expiresAt', 'is', null), eb('t.expiresAt', '>', new Date())]))
    .where('u.active', '=', true)
    .executeTakeFirst();
}

/**
 * Notes a token's use, at most once a minute, so lists can show stale tokens. Authentication calls
 * it only when it read the token from the database (not for requests served from the principal
 * cache), and does not wait for it: never a write per request, and its precision is a minute or so.
 */
export async function touchApiToken(db: Db, tokenId: string, lastUsedAt: Date | null) {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() < 60_000) return;
  await db.updateTable('api_tokens').set({ lastUsedAt: new Date() }).where('id', '=', tokenId).execute();
}

/** Ends every session of a person, but `except` (the one asking, when they keep theirs). */
export async function deleteSessionsOfUser(db: Db, userId: string, except?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (except !== undefined) query = query.where('id', '<>', except);
  await query.execute();
}

/** Housekeeping at sign-in: a person's sessions that have run out are of no use to anybody. */
export async function deleteExpiredSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('userId', '=', userId).where('expiresAt', '<=', new Date()).execute();
}

/** The columns of a token anyone may see again: never its hash. */
const apiTokenColumns = ['id', 'name', 'role', 'prefix', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'] as const;

/** A person's own tokens, newest first, revoked and expired ones included so the list tells the whole story. */
export async function listApiTokens(db: Db, userId: string) {
  return db.selectFrom('api_tokens').select(apiTokenColumns).where('userId', '=', userId).orderBy('createdAt', 'desc').orderBy('id').execute();
}

/** One of a person's own tokens; someone else's is as good as missing. */
export async function findOwnApiToken(db: Db, userId: string, tokenId: string) {
  return db.selectFrom('api_tokens').select(apiTokenColumns).where('userId', '=', userId).where('id', '=', tokenId).executeTakeFirst();
}

/**
 * Revokes one of a person's own tokens and every token made with it, and with those, down the
 * line; false when they have no such token. Revoking twice changes nothing.
 */
export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
  const token = await findOwnApiToken(db, userId, tokenId);
  if (!token) return false;
  await sql`
    with recursive made_with(id) as (
      select ${tokenId}::uuid
      union
      select t.id from api_tokens t join made_with m on t.parent_token_id = m.id
    )
    update api_tokens set revoked_at = now() where id in (select id from made_with) and revoked_at is null`.execute(db);
  return true;
}

/**
 * Serialises sign-in attempts on the same keys (account, address) until the transaction ends, so
 * parallel guesses cannot all pass the count before any of them is written.
 */
export async function lockLoginKeys(trx: Db, keys: readonly string[]): Promise<void> {
  for (const key of [...keys].sort()) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`login:${key}`}, 0))`.execute(trx);
  }
}

/**
 * Seconds until each of a key's failures of the last `windowMs` leaves that window, newest first
 * (by the database's clock), at most `limit` of them.
 */
export async function recentLoginFailures(db: Db, key: string, windowMs: number, limit: number): Promise<number[]> {
  const window = sql`(${windowMs} * interval '1 millisecond')`;
  const rows = await db
    .selectFrom('login_failures')
    .select(sql<number>`ceil(extract(epoch from failed_at + ${window} - now()))::int`.as('secondsLeft'))
    .where('key', '=', key)
    .where('failedAt', '>', sql<Date>`now() - ${window}`)
    .orderBy('failedAt', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.secondsLeft);
}

/** Writes a failure for each key (and forgets that key's failures older than the window); returns their ids. */
export async function insertLoginFailures(db: Db, keys: readonly string[], windowMs: number): Promise<number[]> {
  if (keys.length === 0) return [];
  await db
    .deleteFrom('login_failures')
    .where('key', 'in', keys)
    .where('failedAt', '<=', sql<Date>`now() - (${windowMs} * interval '1 millisecond')`)
    .execute();
  const rows = await db.insertInto('login_failures').values(keys.map((key) => ({ key }))).returning('id').execute();
  return rows.map((r) => r.id);
}

/** Removes failures: every one of `key`'s, and the rows `ids`. */
export async function deleteLoginFailures(db: Db, { key, ids = [] }: { key?: string; ids?: readonly number[] }): Promise<void> {
  if (key !== undefined) await db.deleteFrom('login_failures').where('key', '=', key).execute();
  if (ids.length > 0) await db.deleteFrom('login_failures').where('id', 'in', ids).execute();
}

/** The known device behind a device cookie's secret, with the e-mail of the person it belongs to. */
export async function findKnownDevice(db: Db, secret: string) {
  return db
    .selectFrom('known_devices as d')
    .innerJoin('users as u', 'u.id', 'd.userId')
    .select(['d.id', 'd.userId', 'u.email'])
    .where('d.id', '=', sha256(secret))
    .executeTakeFirst();
}

/** Remembers a browser a person signed in from; returns the secret for its cookie, the only time anybody sees it. */
export async function insertKnownDevice(db: Db, userId: string): Promise<string> {
  const secret = randomSecret();
  await db.insertInto('known_devices').values({ id: sha256(secret), userId }).execute();
  return secret;
}

export async function touchKnownDevice(db: Db, id: string): Promise<void> {
  await db.updateTable('known_devices').set({ lastSeenAt: new Date() }).where('id', '=', id).execute();
}
