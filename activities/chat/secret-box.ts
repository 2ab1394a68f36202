import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals chat channel secrets (webhook addresses carry the robot's token; DingTalk and Feishu
 * robots have a signing secret) with AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url.
 *
 * The key is MILEPOST_CHANNEL_KEY when set (32 bytes, base64); otherwise it is derived (HKDF-SHA256)
 * from the server secret that signs decision links: MILEPOST_SECRET, or in a local setup the
 * secret generated once and kept in `<data dir>/secret`. API and worker read the same setting, so
 * both derive the same key. Changing that secret without MILEPOST_CHANNEL_KEY makes stored
 * channels unreadable: they must be entered again (opening one then fails with SealedSecretError).
 */
export type ChannelKey = Buffer & { readonly __channelKey: true };

export function channelKeyFrom(input: { channelKey?: string | undefined; serverSecret: string }): ChannelKey {
  if (input.channelKey !== undefined) {
    const key = Buffer.from(input.channelKey, 'base64');
    if (key.length !== 32) throw new Error('MILEPOST_CHANNEL_KEY must be 32 bytes in base64 (e.g. `openssl rand -base64 32`).');
    return key as ChannelKey;
  }
  return Buffer.from(hkdfSync('sha256', input.serverSecret, 'milepost', 'chat channel secrets v1', 32)) as ChannelKey;
}

export class SealedSecretError extends Error {
  override readonly name = 'SealedSecretError';
}

export function seal(key: ChannelKey, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

export function open(key: ChannelKey, sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || iv === undefined || tag === undefined || data === undefined) throw new SealedSecretError('A stored chat channel secret is not in a known format.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedSecretError('A stored chat channel secret cannot be opened with this key: the server secret (or MILEPOST_CHANNEL_KEY) changed since the channel was saved. Enter the channel’s address and secret again.');
  }
}
