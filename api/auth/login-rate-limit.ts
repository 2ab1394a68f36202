import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Db } from '../../db/connect';
import { deleteLoginFailures, insertLoginFailures, lockLoginKeys, recentLoginFailures } from '../../db/queries/auth';

/** Failures counted over this window… */
export const loginWindowMs = 15 * 60_000;
/** …after this many for one account, or for one address, sign-in waits until the oldest leave it. */
export const maxFailuresPerAccount = 5;
export const maxFailuresPerAddress = 20;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

export type LoginAttempt =
  | { blocked: true; retryAfterSeconds: number }
  | {
      blocked: false;
      /** The attempt succeeded: the account starts over, and this attempt was no failure (else it stays counted). */
      succeeded(): Promise<void>;
    };

/**
 * Opens a sign-in attempt for an account (and the client's address, when known). Each attempt is
 * counted as a failure BEFORE the password is checked, one attempt per key at a time, so a burst
 * of parallel guesses gets no more tries than a sequence would. Without a known address (no
 * socket, as in `app.request`) only the account limit applies: one shared "unknown" bucket would
 * let anybody lock everybody out.
 */
export async function beginLoginAttempt(db: Db, { email, address }: { email: string; address: string | undefined }): Promise<LoginAttempt> {
  const limits: [key: string, max: number][] = [[accountKey(email), maxFailuresPerAccount]];
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
    succeeded: () => deleteLoginFailures(db, { key: limits[0]![0], ids: opened.ids }),
  };
}

/**
 * The client's address from the socket itself; X-Forwarded-For is never trusted, since anyone can
 * send it. undefined when there is no socket (requests made with `app.request`).
 */
export function clientAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}
