import type { Db } from '../../db/connect';
import { deleteLoginFailures, findKnownDevice, insertLoginFailures, lockLoginKeys, recentLoginFailures } from '../../db/queries/auth';

/** Failures counted over this window… */
export const loginWindowMs = 15 * 60_000;
/**
 * …after this many for one account from browsers not known to be its owner's, for one known
 * browser, or for one address, sign-in from there waits until the oldest leave the window.
 */
export const maxFailuresPerAccount = 5;
export const maxFailuresPerDevice = 5;
export const maxFailuresPerAddress = 20;

const normalEmail = (email: string) => email.trim().toLowerCase();
export const accountKey = (email: string) => `account:${normalEmail(email)}`;
export const deviceKey = (deviceId: string) => `device:${deviceId}`;
export const addressKey = (address: string) => `address:${address}`;

export type LoginAttempt =
  | { blocked: true; retryAfterSeconds: number }
  | {
      blocked: false;
      /** The known browser of this account the attempt came from, if it came from one. */
      knownDeviceId: string | undefined;
      /** The attempt succeeded: its account (or device) starts over, and this attempt was no failure (else it stays counted). */
      succeeded(): Promise<void>;
    };

/**
 * Opens a sign-in attempt for an account (and the client's address, when known). Each attempt is
 * counted as a failure BEFORE the password is checked, one attempt per key at a time, so a burst
 * of parallel guesses gets no more tries than a sequence would.
 *
 * Failures are counted per account only for browsers that are not known to be the account's
 * owner's; a browser its owner signed in from before (it sends the device cookie) counts on its
 * own. So whoever knows an e-mail address can make strangers wait, never the owner at their own
 * machine (OWASP's device cookies). Without a known address (no socket, as in `app.request`) the
 * address limit is left out: one shared "unknown" bucket would let anybody lock everybody out.
 */
export async function beginLoginAttempt(
  db: Db,
  { email, address, deviceSecret }: { email: string; address: string | undefined; deviceSecret: string | undefined },
): Promise<LoginAttempt> {
  const device = deviceSecret === undefined ? undefined : await findKnownDevice(db, deviceSecret);
  const knownDeviceId = device && normalEmail(device.email) === normalEmail(email) ? device.id : undefined;
  const limits: [key: string, max: number][] = [
    knownDeviceId === undefined ? [accountKey(email), maxFailuresPerAccount] : [deviceKey(knownDeviceId), maxFailuresPerDevice],
  ];
  if (address !== undefined) limits.push([addressKey(address), maxFailuresPerAddress]);
  const opened = await db.transaction().execute(async (trx): Promise<{ retryAfterSeconds: number } | { ids: number[] }> => {
    await lockLoginKeys(trx, limits.map(([key]) => key));
    let retryAfterSeconds = 0;
    for (const [key, max] of limits) {
      const secondsLeft = await recentLoginFailures(trx, key, loginWindowMs, max);
      // Blocked until the max-th newest failure leaves the window and the count drops below max.
      if (secondsLeft.length >= max) retryAfterSeconds = Math.max(retryAfterSeconds, secondsLeft[max - 1]!, 1);
    }
    if (retryAfterSeconds > 0) return { retryAfterSeconds };
    return { ids: await insertLoginFailures(trx, limits.map(([key]) => key), loginWindowMs) };
  });
  if (!('ids' in opened)) return { blocked: true, retryAfterSeconds: opened.retryAfterSeconds };
  return {
    blocked: false,
    knownDeviceId,
    succeeded: () => deleteLoginFailures(db, { key: limits[0]![0], ids: opened.ids }),
  };
}
