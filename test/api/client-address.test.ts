import { describe, expect, it } from 'vitest';
import { decideClientAddress, parseTrustProxy, trustNoProxy } from '../../api/client-address';

const oneHop = parseTrustProxy('1');
const twoHops = parseTrustProxy('2');
const balancers = parseTrustProxy('10.0.0.0/8, fd00::/8');

describe('the client address without TRUST_PROXY', () => {
  it('is the socket address, whatever X-Forwarded-For says', () => {
    expect(decideClientAddress('203.0.113.9', ['198.51.100.1'], trustNoProxy)).toBe('203.0.113.9');
    expect(decideClientAddress('203.0.113.9', [], parseTrustProxy(undefined))).toBe('203.0.113.9');
    expect(decideClientAddress('203.0.113.9', ['198.51.100.1'], parseTrustProxy('0'))).toBe('203.0.113.9');
  });

  it('is unknown without a socket', () => {
    expect(decideClientAddress(undefined, ['198.51.100.1'], oneHop)).toBeUndefined();
  });

  it('reads an IPv4-mapped socket address as the IPv4 address', () => {
    expect(decideClientAddress('::ffff:203.0.113.9', [], trustNoProxy)).toBe('203.0.113.9');
  });
});

describe('the client address with a hop count', () => {
  it('takes the address the nearest proxy appended with one hop, so what the client wrote before it is ignored', () => {
    expect(decideClientAddress('10.0.0.2', ['6.6.6.6, 198.51.100.7'], oneHop)).toBe('198.51.100.7');
  });

  it('takes the second address from the right with two hops, across several headers', () => {
    expect(decideClientAddress('10.0.0.2', ['6.6.6.6, 198.51.100.7', '10.0.0.3'], twoHops)).toBe('198.51.100.7');
  });

  it('takes the leftmost address when the header has fewer entries than hops, and the socket when there is none', () => {
    expect(decideClientAddress('10.0.0.2', ['198.51.100.7'], twoHops)).toBe('198.51.100.7');
    expect(decideClientAddress('10.0.0.2', [], oneHop)).toBe('10.0.0.2');
  });

  it('stops at the proxy that passed on an entry that is no address, and reads addresses with ports or brackets', () => {
    expect(decideClientAddress('10.0.0.2', ['unknown'], oneHop)).toBe('10.0.0.2');
    expect(decideClientAddress('10.0.0.2', ['198.51.100.7:51234'], oneHop)).toBe('198.51.100.7');
    expect(decideClientAddress('10.0.0.2', ['[2001:db8::7]:443'], oneHop)).toBe('2001:db8::7');
  });
});

describe('the client address with trusted networks', () => {
  it('walks X-Forwarded-For from the right past trusted proxies to the first address outside them', () => {
    expect(decideClientAddress('10.0.0.2', ['6.6.6.6, 198.51.100.7, 10.4.0.1'], balancers)).toBe('198.51.100.7');
    expect(decideClientAddress('fd00::2', ['2001:db8::9'], balancers)).toBe('2001:db8::9');
  });

  it('ignores X-Forwarded-For from a socket that is not a trusted proxy', () => {
    expect(decideClientAddress('203.0.113.9', ['198.51.100.7'], balancers)).toBe('203.0.113.9');
  });

  it('takes the leftmost address when every address is a trusted proxy', () => {
    expect(decideClientAddress('10.0.0.2', ['10.9.9.9, 10.0.0.3'], balancers)).toBe('10.9.9.9');
  });
});

describe('TRUST_PROXY', () => {
  it('reads nothing, a hop count, or addresses and networks', () => {
    expect(parseTrustProxy('')).toEqual({ kind: 'none' });
    expect(parseTrustProxy(' 2 ')).toEqual({ kind: 'hops', hops: 2 });
    expect(balancers).toMatchObject({ kind: 'networks', entries: ['10.0.0.0/8', 'fd00::/8'] });
    expect(parseTrustProxy('192.0.2.10')).toMatchObject({ kind: 'networks', entries: ['192.0.2.10'] });
  });

  it('refuses host names, bad networks and unbelievable hop counts, saying what to give instead', () => {
    expect(() => parseTrustProxy('proxy.internal')).toThrow(/"proxy\.internal" is a host name; give the proxies' addresses or networks/);
    expect(() => parseTrustProxy('10.0.0.0/40')).toThrow(/"10\.0\.0\.0\/40" has a network prefix that is not 0 to 32/);
    expect(() => parseTrustProxy('1000')).toThrow(/not believable/);
  });
});
