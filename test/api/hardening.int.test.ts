import { describe, expect, it } from 'vitest';
import { apiAnswerCaching, dataPolicy } from '../../api/security-headers';
import { approveAtOnce } from '../support/factories';
import { call } from '../support/http';
import { admin } from '../support/identities';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

describe('hardening', () => {
  it('sends every answer that is not a page the security headers of an API answer and a policy that allows nothing', async () => {
    for (const path of ['/api/openapi.json', '/api/projects', '/nowhere']) {
      const res = await system.app.request(path);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect(res.headers.get('content-security-policy'), path).toBe(dataPolicy);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('strict-transport-security'), path).toMatch(/max-age=\d+/);
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('same-origin');
    }
  });

  it('tells browsers and proxies to keep no copy of an API answer, signed in or refused, unless the answer sets its own caching', async () => {
    const signedIn = { headers: { authorization: `Bearer ${admin().token}` } };
    const answers = [
      await system.app.request('/api/projects', signedIn),
      await system.app.request('/api/projects'),
      await system.app.request('/api/nowhere', signedIn),
    ];
    expect(answers.map((res) => res.status)).toEqual([200, 401, 404]);
    for (const res of answers) expect(res.headers.get('cache-control'), res.url).toBe(apiAnswerCaching);
    expect(apiAnswerCaching).toBe('no-store');
    const ownCaching = await system.app.request('/api/docs/reference.js');
    expect(ownCaching.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('sends a page the full set of security headers, keeping the policy the page sets itself', async () => {
    const res = await system.app.request('/api/docs');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self' 'sha256-/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('origin-agent-cluster')).toBe('?1');
    expect(res.headers.get('x-xss-protection')).toBe('0');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('refuses a body over 1 MiB before reading it, and never answers with a stack trace', async () => {
    const huge = await call(system.app, 'POST', '/api/teams', { name: 'x'.repeat(1024 * 1024 + 1) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('body_too_large');

    const malformed = await call(system.app, 'POST', '/api/teams', '{"name": ');
    expect(malformed.status).toBe(400);
    const nul = await call(system.app, 'POST', '/api/teams', { name: 'Team \u0000 NUL' });
    expect(nul.status).toBe(400);
    for (const res of [huge, malformed, nul]) expect(JSON.stringify(res.body)).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/);
  });

  it('refuses a flow nested thousands of levels deep with 400 naming where, on create and on saving a draft, and stores nothing', async () => {
    const draft = { ...approveAtOnce('plan_submitted'), name: 'Deep' };
    // Written as text: a value this deep is more than JSON.stringify's stack can take.
    const withDeepConfig = (body: object) =>
      JSON.stringify(body).replace('"deep here"', `${'{"a":'.repeat(4200)}"bottom"${'}'.repeat(4200)}`);
    const deep = { ...draft, nodes: draft.nodes.map((n, i) => (i === 0 ? { ...n, config: 'deep here' } : n)) };
    const res = await call(system.app, 'POST', '/api/flows', withDeepConfig({ draft: deep }));
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(400);
    expect(res.body.error.code).toBe('body_too_complex');
    expect(res.body.error.details[0].path).toMatch(/^draft\.nodes\.0\.config(\.a){60}/);
    expect(res.body.error.details[0].message).toBe('is nested deeper than 64 levels');
    expect((await call(system.app, 'GET', '/api/flows')).body.map((f: { name: string }) => f.name)).not.toContain('Deep');

    const saved = await call(system.app, 'POST', '/api/flows', { draft: { ...draft, name: `Shallow ${Date.now()}` } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const put = await call(system.app, 'PUT', `/api/flows/${saved.body.id}/draft`, withDeepConfig({ draft: deep }));
    expect(put.status).toBe(400);
    expect(put.body.error.code).toBe('body_too_complex');
  });

  it('refuses a list or a text longer than any field has a use for, naming the limit and where', async () => {
    const longList = await call(system.app, 'POST', '/api/flows/validate', { draft: { nodes: Array.from({ length: 10_001 }, () => 0) } });
    expect(longList.status).toBe(400);
    expect(longList.body.error.details).toEqual([{ path: 'draft.nodes', message: 'has 10001 items; a list may have at most 10000' }]);
    const longText = await call(system.app, 'POST', '/api/flows/validate', { draft: { name: 'x'.repeat(100_001) } });
    expect(longText.status).toBe(400);
    expect(longText.body.error.details).toEqual([{ path: 'draft.name', message: 'is 100001 characters long; text may be at most 100000' }]);
  });

  it('refuses fields a body does not know, naming each, so nothing can be assigned on the side', async () => {
    const res = await call(system.app, 'POST', '/api/users', { name: 'Mallory', email: `m-${Date.now()}@example.com`, isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'isAdmin', message: 'is not a known field' }]);
  });
});
