import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header a webhook step signs its body in: `sha256=<hex HMAC-SHA256 of the exact body bytes>`. */
export const signatureHeader = 'X-Milepost-Signature';

/**
 * The secret a flow's webhooks are signed with: HMAC-SHA256 of the flow id under the server
 * secret (MILEPOST_SECRET), in hex. Derived, not stored, so the worker and the API agree without
 * a table; each flow's receiver holds only its own flow's secret.
 */
export function flowWebhookSecret(serverSecret: string, flowId: string): string {
  return createHmac('sha256', serverSecret).update(`milepost-webhook:${flowId}`).digest('hex');
}

/** The signature header's value for these body bytes, keyed with the flow's secret (as UTF-8 text). */
export function signWebhookBody(flowSecret: string, body: Uint8Array | string): string {
  return `sha256=${createHmac('sha256', flowSecret).update(body).digest('hex')}`;
}

/** What a receiver does: recompute over the bytes it received and compare in constant time. */
export function verifyWebhookSignature(flowSecret: string, body: Uint8Array | string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(flowSecret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
