import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';
import { docsPagePolicy } from '../security-headers';

export const docsPath = '/api/docs';
/** Where the page loads Scalar's script from: this server, since it may have no internet. */
export const docsScriptPath = '/api/docs/reference.js';
export const openApiPath = '/api/openapi.json';

/**
 * Scalar's standalone bundle from node_modules (`@scalar/api-reference`, dist/browser/standalone.js)
 * when it is installed, else a small script of ours that lists the operations (reference-fallback.js).
 * @scalar/hono-api-reference only writes the page; the bundle is a package of its own.
 */
function loadReferenceScript(): { code: string; source: 'scalar' | 'fallback' } {
  const require = createRequire(import.meta.url);
  try {
    return { code: readFileSync(require.resolve('@scalar/api-reference/dist/browser/standalone.js'), 'utf8'), source: 'scalar' };
  } catch {
    return { code: readFileSync(new URL('./reference-fallback.js', import.meta.url), 'utf8'), source: 'fallback' };
  }
}

/** `'sha256-…'` sources of the page's inline scripts (Scalar's initialisation), for its policy. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(([, body]) => `'sha256-${createHash('sha256').update(body!).digest('base64')}'`);
}

/**
 * `/api/docs`: Scalar's interactive reference of the very description at `/api/openapi.json`,
 * its script served from here. Only this page may run its inline initialisation (by hash).
 */
export function apiDocsRouter() {
  let script: ReturnType<typeof loadReferenceScript> | undefined;
  return new Hono()
    .get(
      docsPath,
      async (c, next) => {
        await next();
        const html = await c.res.clone().text();
        c.res.headers.set('Content-Security-Policy', docsPagePolicy(inlineScriptHashes(html)));
      },
      Scalar({ url: openApiPath, cdn: docsScriptPath, pageTitle: 'Milepost API reference', withDefaultFonts: false }),
    )
    .get(docsScriptPath, (c) => {
      script ??= loadReferenceScript();
      c.header('Content-Type', 'text/javascript; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=3600');
      c.header('X-Reference-Script', script.source);
      return c.body(script.code);
    });
}
