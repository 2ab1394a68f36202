import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** The setting that lets webhooks reach otherwise refused addresses; named in every refusal. */
export const allowSetting = 'MILEPOST_WEBHOOK_ALLOW';

/**
 * Addresses a webhook may not reach unless allowed: the machine itself and the networks behind
 * it. A flow is drawn by ops, but its address can be built from variables, and the worker sits
 * inside the network, so without this a flow could read internal services (SSRF).
 * IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) are matched by the IPv4 rules (BlockList does that).
 */
const refusedSubnets: readonly [network: string, prefix: number, family: 'ipv4' | 'ipv6', what: string][] = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['10.0.0.0', 8, 'ipv4', 'private (RFC 1918)'],
  ['172.16.0.0', 12, 'ipv4', 'private (RFC 1918)'],
  ['192.168.0.0', 16, 'ipv4', 'private (RFC 1918)'],
  ['100.64.0.0', 10, 'ipv4', 'shared carrier-grade NAT'],
  ['169.254.0.0', 16, 'ipv4', 'link-local'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fec0::', 10, 'ipv6', 'site-local'],
  ['fc00::', 7, 'ipv6', 'unique local (private)'],
  ['ff00::', 8, 'ipv6', 'multicast'],
];

const refused = refusedSubnets.map(([network, prefix, family, what]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { list, what };
});

const familyOf = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** What kind of non-public address this is ("loopback", "private (RFC 1918)"…), or null for a public one. */
export function nonPublicKind(address: string): string | null {
  return refused.find(({ list }) => list.check(address, familyOf(address)))?.what ?? null;
}

export class AllowListError extends Error {
  override readonly name = 'AllowListError';
}

/** Host names and networks a webhook may reach even though they are not public. */
export interface AddressAllowList {
  readonly entries: readonly string[];
  readonly hosts: ReadonlySet<string>;
  readonly subnets: BlockList;
}

const hostNamePattern = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * Reads `MILEPOST_WEBHOOK_ALLOW`: comma-separated host names (`hooks.internal`, matched exactly),
 * addresses (`10.0.0.7`) and networks in CIDR notation (`10.1.0.0/16`, `fd00::/8`).
 */
export function parseAddressAllowList(text: string | undefined): AddressAllowList {
  const entries = (text ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry.length > 0);
  const hosts = new Set<string>();
  const subnets = new BlockList();
  for (const entry of entries) {
    const [address = '', prefixText, extra] = entry.split('/');
    const family = isIP(address);
    if (family !== 0 && extra === undefined) {
      const max = family === 4 ? 32 : 128;
      const prefix = prefixText === undefined ? max : Number(prefixText);
      if (!/^\d{1,3}$/.test(prefixText ?? String(max)) || prefix > max) throw new AllowListError(`"${entry}" has a network prefix that is not 0 to ${max}.`);
      subnets.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
    } else if (prefixText === undefined && hostNamePattern.test(entry)) {
      hosts.add(entry.toLowerCase());
    } else {
      throw new AllowListError(`"${entry}" is neither a host name, an IP address nor a network such as 10.0.0.0/8.`);
    }
  }
  return { entries, hosts, subnets };
}

export const emptyAllowList: AddressAllowList = parseAddressAllowList(undefined);

/** A refused address: the webhook is not sent, and retrying would not change that. */
export class AddressRefusedError extends Error {
  override readonly name = 'AddressRefusedError';
  constructor(
    readonly host: string,
    readonly address: string,
    kind: string,
  ) {
    super(
      `${host === address ? address : `${host} resolves to ${address}, which`} is a ${kind} address; webhooks may not reach it unless ${allowSetting} allows it (a host name, address or network such as ${address.includes(':') ? `${address}/128` : `${address}/32`}).`,
    );
  }
}

export interface AddressGuard {
  /** Throws AddressRefusedError unless this address of `host` may be reached. */
  check(host: string, address: string): void;
  /**
   * A `lookup` for http.request: resolves the host and checks every address it resolves to, so
   * the connection goes to an address that was checked (a second DNS answer cannot slip past).
   */
  lookup: LookupFunction;
}

export function createAddressGuard(allow: AddressAllowList): AddressGuard {
  const check = (host: string, address: string) => {
    if (allow.hosts.has(host.toLowerCase())) return;
    const kind = nonPublicKind(address);
    if (kind === null || allow.subnets.check(address, familyOf(address))) return;
    throw new AddressRefusedError(host, address, kind);
  };

  const lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { family: options.family ?? 0, hints: options.hints ?? 0, all: true, verbatim: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      try {
        for (const { address } of addresses) check(hostname, address);
      } catch (refusal) {
        return callback(refusal as NodeJS.ErrnoException, '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address.`), { code: 'ENOTFOUND' }), '', 0);
      return callback(null, first.address, first.family);
    });
  };

  return { check, lookup };
}
