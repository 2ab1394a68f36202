import { describe, expect, it } from 'vitest';
import { AddressRefusedError, AllowListError, createAddressGuard, nonPublicKind, parseAddressAllowList } from '../../activities/flow/address-guard';

describe('which addresses a webhook may reach', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['10.1.2.3', 'private (RFC 1918)'],
    ['172.16.0.1', 'private (RFC 1918)'],
    ['172.31.255.255', 'private (RFC 1918)'],
    ['192.168.1.1', 'private (RFC 1918)'],
    ['::ffff:192.168.1.1', 'private (RFC 1918)'],
    ['100.64.0.1', 'shared carrier-grade NAT'],
    ['100.127.255.254', 'shared carrier-grade NAT'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fd12:3456::1', 'unique local (private)'],
    ['fc00::1', 'unique local (private)'],
  ])('classifies %s as %s', (address, kind) => {
    expect(nonPublicKind(address)).toBe(kind);
  });

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '192.169.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('lets the public address %s through', (address) => {
    expect(nonPublicKind(address)).toBeNull();
    expect(() => createAddressGuard(parseAddressAllowList(undefined)).check(address, address)).not.toThrow();
  });

  it('refuses a private address with a message naming it and the setting', () => {
    const guard = createAddressGuard(parseAddressAllowList(''));
    expect(() => guard.check('hooks.internal', '10.0.0.7')).toThrow(AddressRefusedError);
    expect(() => guard.check('hooks.internal', '10.0.0.7')).toThrow(
      'hooks.internal resolves to 10.0.0.7, which is a private (RFC 1918) address; webhooks may not reach it unless MILEPOST_WEBHOOK_ALLOW allows it',
    );
  });

  it('allows what MILEPOST_WEBHOOK_ALLOW names: host names exactly, addresses and networks', () => {
    const guard = createAddressGuard(parseAddressAllowList(' hooks.internal , 10.1.0.0/16,127.0.0.1, fd00::/8 '));
    expect(() => guard.check('HOOKS.internal', '10.9.9.9')).not.toThrow();
    expect(() => guard.check('other.internal', '10.1.200.3')).not.toThrow();
    expect(() => guard.check('other.internal', '10.2.0.1')).toThrow(AddressRefusedError);
    expect(() => guard.check('127.0.0.1', '127.0.0.1')).not.toThrow();
    expect(() => guard.check('127.0.0.2', '127.0.0.2')).toThrow(AddressRefusedError);
    expect(() => guard.check('fd00::5', 'fd00::5')).not.toThrow();
    expect(() => guard.check('sub.hooks.internal', '10.9.9.9')).toThrow(AddressRefusedError);
  });

  it.each(['10.0.0.0/33', '10.0.0.0/', 'fd00::/129', 'http://hooks.internal', 'hooks internal', '10.0.0.0/8/8'])('refuses the allow-list entry "%s" with a message naming it', (entry) => {
    expect(() => parseAddressAllowList(entry)).toThrow(AllowListError);
    expect(() => parseAddressAllowList(entry)).toThrow(`"${entry}"`);
  });

  it('checks the addresses a host name resolves to when connecting, not just the name', async () => {
    const guard = createAddressGuard(parseAddressAllowList(undefined));
    const looked = await new Promise<{ error: Error | null }>((resolve) => guard.lookup('localhost', { all: true }, (error) => resolve({ error })));
    expect(looked.error).toBeInstanceOf(AddressRefusedError);
  });
});
