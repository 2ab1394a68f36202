// The API (through browser-support) is imported first on purpose: zod schemas made before
// @hono/zod-openapi is loaded lack its `.openapi()`, which the API's schemas call.
import { useServedApp } from '../support/browser';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dataPolicy, webAppPolicy } from '../../api/security-headers';

const served = useServedApp({ worker: false, pageTimeoutMs: 20_000, failurePrefix: 'failed-docs-' });

describe('the interactive API reference at /api/docs', () => {
  it('answers HTML that loads Scalar’s script from this server and reads the very OpenAPI description the app serves', async () => {
    const page = await fetch(`${served.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('"url": "/api/openapi.json"');
    expect(html).toContain('<script src="/api/docs/reference.js"></script>');
    // Nothing from elsewhere: the server may have no internet.
    expect(html).not.toMatch(/https?:\/\//);

    const script = await fetch(`${served.url}/api/docs/reference.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('createApiReference');
  });

  it('lets only this page run its inline start-up, by hash, while every other page keeps the web app’s policy and the API’s answers allow nothing', async () => {
    const page = await fetch(`${served.url}/api/docs`);
    const html = await page.text();
    const inline = [...html.matchAll(/<script type="text\/javascript">([\s\S]*?)<\/script>/g)].map(([, body]) => body!);
    expect(inline).toHaveLength(1);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain(`script-src 'self' 'sha256-${createHash('sha256').update(inline[0]!).digest('base64')}'`);
    expect(policy).not.toContain("'unsafe-inline' 'sha256");
    expect((await fetch(`${served.url}/api/openapi.json`)).headers.get('content-security-policy')).toBe(dataPolicy);
    expect((await fetch(`${served.url}/projects`)).headers.get('content-security-policy')).toBe(webAppPolicy);
  });

  it('shows the operations in a browser without any Content-Security-Policy violation', async () => {
    const page = await served.newPage();
    await page.goto(`${served.url}/api/docs`);
    // Scalar's reference, or the plain list standing in for it: either names the chat channel routes.
    await expect.poll(() => page.locator('#app, body').first().textContent(), { timeout: 20_000 }).toContain('/api/chat-channels');
  });
});
