import { randomInt, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../api/app';
import { parseTrustProxy } from '../../api/client-address';
import { maxFailuresPerAddress } from '../../api/auth/login-rate-limit';
import { call } from '../support/http';
import { testDecisionLinks, useSystem } from '../support/system';

const system = useSystem({ worker: false });
const password = 'correct horse battery';

/** A sign-in as it reaches the app behind a proxy: from the proxy's socket, naming the client in X-Forwarded-For. */
async function signInVia(app: App, { proxy, forwardedFor, email, pw }: { proxy: string; forwardedFor: string; email: string; pw: string }) {
  const res = await app.request(
    '/api/auth/login',
    { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, body: JSON.stringify({ email, password: pw }) },
    // What @hono/node-server hands the app: the socket the request came on.
    { incoming: { socket: { remoteAddress: proxy } } },
  );
  return res.status;
}

const someAddress = (prefix: string) => `${prefix}.${randomInt(1, 255)}.${randomInt(1, 255)}`;

/** One client fails as often as the address limit allows, then another client and the first try the right password. */
async function failThenTry(app: App, proxy: string) {
  const attacker = someAddress('198.51');
  const other = someAddress('203.0');
  const email = `behind-proxy-${randomUUID()}@example.com`;
  const made = await call(system.app, 'POST', '/api/users', { name: 'Behind a proxy', email, role: 'member', password });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  for (let i = 0; i < maxFailuresPerAddress; i++) {
    expect(await signInVia(app, { proxy, forwardedFor: attacker, email: `guess-${i}-${randomUUID()}@example.com`, pw: password })).toBe(401);
  }
  // The client may send a header of its own: the proxy appends the address it saw after it.
  const otherClient = await signInVia(app, { proxy, forwardedFor: `${attacker}, ${other}`, email, pw: password });
  const attackerAgain = await signInVia(app, { proxy, forwardedFor: attacker, email, pw: password });
  return { otherClient, attackerAgain };
}

describe('the sign-in limit behind a proxy', () => {
  let trustingOneHop: App;
  let trustingTheProxyNetwork: App;

  beforeAll(() => {
    const deps = { db: system.db, temporal: { client: system.client, taskQueue: system.taskQueue }, decisionLinks: testDecisionLinks };
    trustingOneHop = createApp({ ...deps, trustProxy: parseTrustProxy('1') });
    trustingTheProxyNetwork = createApp({ ...deps, trustProxy: parseTrustProxy('10.0.0.0/8') });
  });

  it('counts failures per client address from X-Forwarded-For when TRUST_PROXY trusts one hop, so one client cannot lock out the others', async () => {
    expect(await failThenTry(trustingOneHop, someAddress('10.1'))).toEqual({ otherClient: 200, attackerAgain: 429 });
  });

  it('counts failures per client address from X-Forwarded-For when TRUST_PROXY names the proxy network', async () => {
    expect(await failThenTry(trustingTheProxyNetwork, someAddress('10.2'))).toEqual({ otherClient: 200, attackerAgain: 429 });
  });

  it('ignores X-Forwarded-For from a socket outside the trusted networks, counting that socket instead', async () => {
    expect(await failThenTry(trustingTheProxyNetwork, someAddress('192.0'))).toEqual({ otherClient: 429, attackerAgain: 429 });
  });

  it('without TRUST_PROXY counts every client behind the proxy as the proxy itself, whatever X-Forwarded-For says', async () => {
    expect(await failThenTry(system.app, someAddress('10.3'))).toEqual({ otherClient: 429, attackerAgain: 429 });
  });
});
