import { createMiddleware } from 'hono/factory';

/**
 * What the web page may load: its own scripts, styles, images and API, nothing from elsewhere,
 * and no framing. Inline styles are allowed (React Flow positions nodes with them); inline
 * scripts are not.
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

/** The policy of everything that is not a page (JSON, CSV, files): should it ever be opened as one, nothing loads and nothing frames it. */
export const dataPolicy = "default-src 'none'; frame-ancestors 'none'";

/** Sent with every answer. */
const everyAnswer: ReadonlyArray<readonly [string, string]> = [
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];

/** The rest of Hono's `secureHeaders` defaults (helmet's), which only a browsing context reads. */
const pages: ReadonlyArray<readonly [string, string]> = [
  ...everyAnswer,
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/** OWASP's set for API answers: no framing at all. */
const data: ReadonlyArray<readonly [string, string]> = [...everyAnswer, ['X-Frame-Options', 'DENY']];

const isPage = (contentType: string | null) => contentType !== null && contentType.startsWith('text/html');

/**
 * An API answer is written for the person who asked, often with other people's names and figures
 * in it: no browser or proxy keeps a copy (OWASP's REST cheat sheet), unless the answer says how
 * it may be cached itself (the API reference's script).
 */
export const apiAnswerCaching = 'no-store';

/**
 * The security headers of each answer. A page (HTML) gets the full set of Hono's `secureHeaders`
 * and the web app's policy; everything else the headers that apply to an API answer (OWASP's REST
 * security cheat sheet) and a policy that allows nothing: the rest concern documents only, and
 * cost every JSON answer their bytes. An answer that sets a policy of its own (the decision-link
 * pages, the API reference) keeps it. Every answer under `/api/` is kept by no cache unless it sets
 * its own `Cache-Control`.
 */
export const securityHeaders = createMiddleware(async (c, next) => {
  await next();
  const headers = c.res.headers;
  const page = isPage(headers.get('Content-Type'));
  for (const [name, value] of page ? pages : data) headers.set(name, value);
  if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', page ? webAppPolicy : dataPolicy);
  if (c.req.path.startsWith('/api/') && !headers.has('Cache-Control')) headers.set('Cache-Control', apiAnswerCaching);
});
