import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';

/** Vite names every file under /assets/ after a hash of its content: a new build is a new name. */
const hashedAsset = /^\/assets\/.+-[\w-]{8,}\.\w+$/;

function cacheHeaders(path: string, c: Context): void {
  if (hashedAsset.test(c.req.path)) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  // The page itself is asked again every time, so a deploy reaches everyone at their next load.
  else if (path.includes('index.html')) c.header('Cache-Control', 'no-cache');
}

/**
 * The built web page at `/`: files answered brotli- or gzip-compressed when the browser accepts it
 * and `npm run build` wrote the .br/.gz beside them; index.html for every other path (the app routes).
 */
export function serveWebPage(app: Hono<any, any, any>, root: string): void {
  app.use('/*', serveStatic({ root, precompressed: true, onFound: cacheHeaders }));
  app.get('*', serveStatic({ root, path: 'index.html', precompressed: true, onFound: cacheHeaders }));
}
