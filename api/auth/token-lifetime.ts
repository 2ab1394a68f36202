import type { Db } from '../../db/connect';
import { findOwnApiToken } from '../../db/queries/auth';
import { invalidFields } from '../errors';
import type { Principal } from './principal';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * When a new API token expires. A token may mint tokens, but none that outlive it: made with a
 * token that expires, the new one expires no later — without `expiresInDays` it expires with it,
 * and asking for longer is refused, naming the field. (Its role is bounded the same way, by
 * `canGrant` on the principal's role, which for a token is the token's own.)
 */
export async function newTokenExpiry(db: Db, principal: Principal, expiresInDays: number | undefined, now = new Date()): Promise<Date | null> {
  const wanted = expiresInDays === undefined ? null : new Date(now.getTime() + expiresInDays * dayMs);
  if (principal.via.kind !== 'token') return wanted;
  const minting = await findOwnApiToken(db, principal.userId, principal.via.tokenId);
  const limit = minting?.expiresAt ?? null;
  if (limit === null) return wanted;
  if (wanted === null) return limit;
  if (wanted > limit) {
    const daysLeft = Math.floor((limit.getTime() - now.getTime()) / dayMs);
    const allowed = daysLeft >= 1 ? `may be at most ${daysLeft}` : 'must be left out (the new token then expires with it)';
    throw invalidFields([
      { path: 'expiresInDays', message: `${allowed}: the token you are using expires at ${limit.toISOString()}, and a token cannot make one that outlives it` },
    ]);
  }
  return wanted;
}
