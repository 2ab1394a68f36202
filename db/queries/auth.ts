import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../connect';
import type { AccessRole } from '../schema';

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
  await db.insertInto('sessions').values({ id: sha256(secret), user_id: userId, csrf_token: csrfToken, expires_at: expiresAt }).execute();
  return { secret, csrfToken, expiresAt };
}

/** The live session behind a cookie's secret, with its (active) person. */
export async function findSession(db: Db, secret: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.csrf_token', 's.expires_at', 'u.id as user_id', 'u.name', 'u.role'])
    .where('s.id', '=', sha256(secret))
    .where('s.expires_at', '>', new Date())
    .where('u.active', '=', true)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export const apiTokenPrefix = 'mp_';

/** Creates a token and returns its secret, the only time anybody sees it. */
export async function createApiToken(db: Db, input: { userId: string; name: string; role: AccessRole; expiresAt?: Date | null }) {
  const token = `${apiTokenPrefix}${randomSecret()}`;
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: input.userId, name: input.name, role: input.role, token_hash: sha256(token), prefix: token.slice(0, apiTokenPrefix.length + 6), expires_at: input.expiresAt ?? null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { token, row };
}

/** The live token (not revoked, not expired) behind a bearer secret, with its (active) person. */
export async function findApiToken(db: Db, token: string) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.role', 't.last_used_at', 'u.id as user_id', 'u.name', 'u.role as user_role'])
    .where('t.token_hash', '=', sha256(token))
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', new Date())]))
    .where('u.active', '=', true)
    .executeTakeFirst();
}

/** Notes a token's use, at most once a minute, so lists can show stale tokens. */
export async function touchApiToken(db: Db, tokenId: string, lastUsedAt: Date | null) {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() < 60_000) return;
  await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', tokenId).execute();
}
