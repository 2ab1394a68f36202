import { describe, expect, it } from 'vitest';
import { webAppPolicy } from '../../api/content-security-policy';
import { call } from '../support/http';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

describe('hardening', () => {
  it('sends the security headers and the content security policy with every answer', async () => {
    for (const path of ['/api/openapi.json', '/api/projects', '/nowhere']) {
      const res = await system.app.request(path);
      expect(res.headers.get('content-security-policy'), path).toBe(webAppPolicy);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(res.headers.get('strict-transport-security'), path).toMatch(/max-age=\d+/);
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
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

  it('refuses fields a body does not know, naming each, so nothing can be assigned on the side', async () => {
    const res = await call(system.app, 'POST', '/api/users', { name: 'Mallory', email: `m-${Date.now()}@example.com`, isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'isAdmin', message: 'is not a known field' }]);
  });
});
