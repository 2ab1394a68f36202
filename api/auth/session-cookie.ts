import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { sessionCookieName } from './authenticate';

/** How long a sign-in lasts; signing in again starts a new session. */
export const sessionTtlMs = 12 * 60 * 60 * 1000;

/** Over HTTPS, directly or behind a proxy that says so, the cookie is only ever sent back over HTTPS. */
export function cameOverHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/**
 * HttpOnly: page scripts cannot read it. SameSite=Lax: other sites' forms and fetches do not carry
 * it on writes (the CSRF header guards those too).
 */
export function setSessionCookie(c: Context, secret: string, expiresAt: Date): void {
  setCookie(c, sessionCookieName, secret, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: cameOverHttps(c),
    maxAge: Math.max(0, Math.round((expiresAt.getTime() - Date.now()) / 1000)),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, sessionCookieName, { httpOnly: true, sameSite: 'Lax', path: '/', secure: cameOverHttps(c) });
}
