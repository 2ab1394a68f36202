import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { asActor, type Actor } from '../../db/actor';
import type { Db } from '../../db/connect';
import { findApiToken, findSession, sha256, touchApiToken } from '../../db/queries/auth';
import { ApiError, said } from '../errors';
import type { PrincipalCache } from './principal-cache';
import { unauthenticated, type Principal, type SignedInAccount } from './principal';
import { canGrant } from './roles';

export const sessionCookieName = 'milepost_session';
export const csrfHeaderName = 'x-csrf-token';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The account columns both lookups read (db/queries/auth.ts `accountColumns`). */
type AccountRow = Pick<NonNullable<Awaited<ReturnType<typeof findSession>>>, 'userId' | 'name' | 'email' | 'managerId' | 'userRole' | 'active' | 'language'>;
const accountOf = (row: AccountRow): SignedInAccount => ({ id: row.userId, name: row.name, email: row.email, managerId: row.managerId, role: row.userRole, active: row.active, language: row.language });

/**
 * Who sent the request: a bearer API token, else the session cookie; undefined = nobody. At most
 * one query: none when `cache` (api/auth/principal-cache.ts) remembers the secret, else the one
 * lookup, whose answer the cache keeps. Refusals are never cached, so a new token works at once.
 */
export async function resolvePrincipal(db: Db, authorization: string | undefined, cookie: string | undefined, cache?: PrincipalCache): Promise<Principal | undefined> {
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new ApiError(401, 'unauthenticated', said('bearerMalformed', { name: 'Authorization', header: 'Bearer <token>' }));
    const secret = match[1]!;
    return throughCache(cache, `token:${sha256(secret)}`, async () => {
      const token = await findApiToken(db, secret);
      // A token whose person has since lost the role it was scoped to stops working.
      if (!token || !canGrant(token.userRole, token.role)) return undefined;
      // Bookkeeping off the request's path: a stamp missed (database away) is harmless.
      touchApiToken(db, token.id, token.lastUsedAt).catch(() => {});
      return { userId: token.userId, name: token.name, role: token.role, via: { kind: 'token', tokenId: token.id }, account: accountOf(token), expiresAt: token.expiresAt };
    });
  }
  if (cookie) {
    return throughCache(cache, `session:${sha256(cookie)}`, async () => {
      const session = await findSession(db, cookie);
      if (!session) return undefined;
      return {
        userId: session.userId,
        name: session.name,
        role: session.userRole,
        via: { kind: 'session', sessionId: session.id, csrfToken: session.csrfToken },
        account: accountOf(session),
        expiresAt: session.expiresAt,
      };
    });
  }
  return undefined;
}

async function throughCache(cache: PrincipalCache | undefined, key: string, lookUp: () => Promise<Principal | undefined>): Promise<Principal | undefined> {
  if (!cache) return lookUp();
  const cached = cache.get(key);
  if (cached) return cached;
  const ticket = cache.ticket();
  const principal = await lookUp();
  if (principal) cache.remember(key, principal, ticket);
  return principal;
}

export function actorOf(principal: Principal): Actor {
  return principal.via.kind === 'token'
    ? { kind: 'token', userId: principal.userId, detail: principal.via.tokenId }
    : { kind: 'user', userId: principal.userId, detail: principal.via.kind === 'link' ? `link:${principal.via.linkId}` : undefined };
}

/**
 * Every `/api/*` request but the public ones needs a person. Cookie-authenticated writes must
 * echo the session's CSRF token in `X-CSRF-Token` (a cross-site form cannot read it). Everything
 * the request changes is written to the audit trail under this person.
 */
export function authenticate(db: Db, isPublic: (method: string, path: string) => boolean, cache?: PrincipalCache): MiddlewareHandler {
  return async (c, next) => {
    if (isPublic(c.req.method, c.req.path)) return next();
    const principal = await resolvePrincipal(db, c.req.header('authorization'), getCookie(c, sessionCookieName), cache);
    if (!principal) throw unauthenticated();
    if (principal.via.kind === 'session' && !safeMethods.has(c.req.method)) {
      const sent = c.req.header(csrfHeaderName);
      if (!sent || !sameSecret(sent, principal.via.csrfToken)) {
        throw new ApiError(403, 'csrf_failed', said('csrfFailed', { header: 'X-CSRF-Token', route: 'GET /api/auth/session' }));
      }
    }
    c.set('principal', principal);
    await asActor(actorOf(principal), () => next());
  };
}
