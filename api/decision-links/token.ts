import { verify } from 'hono/jwt';
import { z } from 'zod';
import { decisionLinkDecisions } from '../../workflows/domain';

/** What the worker signs into a decision link (activities/flow/decision-links.ts). */
const Claims = z.object({
  jti: z.guid(),
  sub: z.guid(),
  dec: z.enum(decisionLinkDecisions),
  exp: z.number().int(),
});
export type DecisionClaims = z.infer<typeof Claims>;

export type TokenCheck = { valid: true; claims: DecisionClaims; expired: boolean } | { valid: false };

/** Far longer than any token we sign; anything bigger is not worth a signature check. */
const maxTokenLength = 1024;

/**
 * Checks a link's signature (HS256 only) and reads its claims. Expiry is reported, not thrown,
 * so an expired link can still say what it was for; the caller refuses it.
 */
export async function readDecisionToken(token: string, secret: string, now = new Date()): Promise<TokenCheck> {
  if (token.length > maxTokenLength) return { valid: false };
  let payload: unknown;
  try {
    payload = await verify(token, secret, { alg: 'HS256', exp: false });
  } catch {
    return { valid: false };
  }
  const claims = Claims.safeParse(payload);
  if (!claims.success) return { valid: false };
  return { valid: true, claims: claims.data, expired: claims.data.exp * 1000 <= now.getTime() };
}
