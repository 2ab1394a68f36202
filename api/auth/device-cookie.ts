import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../../db/connect';
import { insertKnownDevice, touchKnownDevice } from '../../db/queries/auth';
import { cameOverHttps } from './session-cookie';

export const deviceCookieName = 'milepost_device';
/** A browser stays known for a year after it was last used to sign in. */
const deviceCookieMaxAgeSeconds = 365 * 24 * 60 * 60;

/** The secret of the device cookie this browser sent, if any. Only sign-in reads it. */
export const deviceSecretOf = (c: Context): string | undefined => getCookie(c, deviceCookieName);

/**
 * After a successful sign-in: a browser that was not yet known to be this person's gets a device
 * cookie (HttpOnly, only sent to the sign-in routes); a known one is marked as seen.
 */
export async function rememberDevice(c: Context, db: Db, userId: string, knownDeviceId: string | undefined): Promise<void> {
  if (knownDeviceId !== undefined) return touchKnownDevice(db, knownDeviceId);
  const secret = await insertKnownDevice(db, userId);
  setCookie(c, deviceCookieName, secret, { httpOnly: true, sameSite: 'Lax', path: '/api/auth', secure: cameOverHttps(c), maxAge: deviceCookieMaxAgeSeconds });
}
