import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { asActor, type Actor } from '../../db/actor';
import type { Db } from '../../db/connect';
import { findApiToken, findSession, touchApiToken } from '../../db/queries/auth';
import { ApiError } from '../errors';
import { unauthenticated, type Principal } from './principal';
import { canGrant } from './roles';

export const sessionCookieName = 'milepost_session';
export const csrfHeaderName = 'x-csrf-token';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Who sent the request: a bearer API token, else the session cookie; undefined = nobody. */
export async function resolvePrincipal(db: Db, authorization: string | undefined, cookie: string | undefined): Promise<Principal | undefined> {
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new ApiError(401, 'unauthenticated', 'The Authorization header must be "Bearer <token>".');
    const token = await findApiToken(db, match[1]!);
    // A token whose person has since lost the role it was scoped to stops working.
    if (!token || !canGrant(token.userRole, token.role)) return undefined;
    await touchApiToken(db, token.id, token.lastUsedAt);
    return { userId: token.userId, name: token.name, role: token.role, via: { kind: 'token', tokenId: token.id } };
  }
  if (cookie) {
    const session = await findSession(db, cookie);
    if (session) return { userId: session.userId, name: session.name, role: session.role, via: { kind: 'session', sessionId: session.id, csrfToken: session.csrfToken } };
  }
  return undefined;
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
export function authenticate(db: Db, isPublic: (method: string, path: string) => boolean): MiddlewareHandler {
  return async (c, next) => {
    if (isPublic(c.req.method, c.req.path)) return next();
    const principal = await resolvePrincipal(db, c.req.header('authorization'), getCookie(c, sessionCookieName));
    if (!principal) throw unauthenticated();
    if (principal.via.kind === 'session' && !safeMethods.has(c.req.method)) {
      const sent = c.req.header(csrfHeaderName);
      if (!sent || !sameSecret(sent, principal.via.csrfToken)) {
        throw new ApiError(403, 'csrf_failed', 'This change needs the X-CSRF-Token header from GET /api/auth/session.');
      }
    }
    c.set('principal', principal);
    await asActor(actorOf(principal), () => next());
  };
}
