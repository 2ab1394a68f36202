import { createMiddleware } from 'hono/factory';

/**
 * What the web page may load: its own scripts, styles, images and API, nothing from elsewhere,
 * and no framing. Inline styles are allowed (React Flow positions nodes with them); inline
 * scripts are not. Responses that set a policy of their own (the decision-link pages) keep it.
 */
export const webAppPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The API reference page (/api/docs): the web app's policy, plus its own inline scripts by hash. */
export const docsPagePolicy = (scriptHashes: readonly string[]) => webAppPolicy.replace("script-src 'self'", ["script-src 'self'", ...scriptHashes].join(' '));

export const contentSecurityPolicy = createMiddleware(async (c, next) => {
  await next();
  if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', webAppPolicy);
});
