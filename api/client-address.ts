import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { isIP } from 'node:net';
import { AllowListError, parseAddressAllowList, type AddressAllowList } from '../activities/flow/address-guard';

/**
 * Which proxies in front of Milepost (`TRUST_PROXY`) may say who the client is through
 * `X-Forwarded-For`:
 * - `none` (unset): nobody; the socket's address is the client's, as anyone can send the header.
 * - `hops`: that many proxies stand in front, each appending the address it saw; the client is the
 *   `hops`-th address from the right of the header.
 * - `networks`: proxies with these addresses or networks; walking from the socket leftwards through
 *   the header, the first address not among them is the client.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'networks'; entries: readonly string[]; networks: AddressAllowList['subnets'] };

export const trustNoProxy: TrustProxy = { kind: 'none' };

export class TrustProxyError extends Error {
  override readonly name = 'TrustProxyError';
}

/** Reads `TRUST_PROXY`: empty for none, a hop count such as `1`, or comma-separated addresses and CIDRs (`10.0.0.0/8,fd00::/8`). */
export function parseTrustProxy(text: string | undefined): TrustProxy {
  const trimmed = (text ?? '').trim();
  if (trimmed === '' || trimmed === '0') return trustNoProxy;
  if (/^\d+$/.test(trimmed)) {
    const hops = Number(trimmed);
    if (hops > 32) throw new TrustProxyError(`"${trimmed}" proxies in a row is not believable; give the number of proxies in front of Milepost (usually 1).`);
    return { kind: 'hops', hops };
  }
  let list: AddressAllowList;
  try {
    list = parseAddressAllowList(trimmed);
  } catch (error) {
    if (error instanceof AllowListError) throw new TrustProxyError(`${error.message} Give a number of proxies or their addresses and networks.`);
    throw error;
  }
  // Only addresses arrive in X-Forwarded-For, so a host name could never match.
  const host = [...list.hosts][0];
  if (host !== undefined) throw new TrustProxyError(`"${host}" is a host name; give the proxies' addresses or networks (CIDR, e.g. 10.0.0.0/8), or a number of proxies.`);
  return { kind: 'networks', entries: list.entries, networks: list.subnets };
}

/** One address as a proxy writes it: `[::1]:8080`, `1.2.3.4:5678` and `::ffff:1.2.3.4` become the bare address; anything else undefined. */
function normalAddress(text: string): string | undefined {
  let address = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  if (address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) === 0 ? undefined : address;
}

/**
 * The client's address from the socket's and the `X-Forwarded-For` headers (all of them, in
 * order), as `trust` allows. Never an address the header made up beyond what a trusted proxy
 * vouches for: an entry that is no address stops the walk at the proxy that passed it on.
 */
export function decideClientAddress(socket: string | undefined, forwardedFor: readonly string[], trust: TrustProxy): string | undefined {
  const peer = socket === undefined ? undefined : (normalAddress(socket) ?? socket);
  if (trust.kind === 'none' || peer === undefined) return peer;
  const hops = forwardedFor.flatMap((header) => header.split(',')).map((entry) => entry.trim()).filter((entry) => entry !== '').reverse();
  let client = peer;
  for (let i = 0; i < hops.length; i++) {
    const trusted = trust.kind === 'hops' ? i < trust.hops : trust.networks.check(client, isIP(client) === 6 ? 'ipv6' : 'ipv4');
    if (!trusted) break;
    const next = normalAddress(hops[i]!);
    if (next === undefined) break;
    client = next;
  }
  return client;
}

/**
 * The client's address for this request (sign-in limits, audit, logs). undefined when there is
 * no socket (requests made with `app.request`).
 */
export function clientAddress(c: Context, trust: TrustProxy = trustNoProxy): string | undefined {
  let socket: string | undefined;
  try {
    socket = getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
  const forwardedFor = c.req.raw.headers.get('x-forwarded-for');
  return decideClientAddress(socket, forwardedFor === null ? [] : [forwardedFor], trust);
}
