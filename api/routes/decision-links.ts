import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { asActor } from '../../db/actor';
import { decide } from '../decide';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import { claimLink, findLinkTarget, releaseLink, type LinkTarget } from '../../db/queries/decision-links';
import {
  confirmPage,
  donePage,
  expiredPage,
  failedPage,
  inactivePage,
  invalidLinkPage,
  notPendingPage,
  refusedPage,
  renderPage,
  styleHash,
  tooLargePage,
  unknownLinkPage,
  usedPage,
  type LinkPage,
} from '../decision-links/pages';
import { readDecisionToken } from '../decision-links/token';

const Form = z.strictObject({ comment: z.string().trim().max(2000).optional() });

const show = (c: Context, page: LinkPage) => c.html(renderPage(page), page.status);

/**
 * `/decide/{token}`: the pages behind the links in e-mailed requests. GET only asks (mail
 * scanners and chat previews open links, so it changes nothing); POST decides, once.
 *
 * These routes are outside `/api`, so no session is read: the signed token is the credential,
 * bound to one person, one request and one answer. With no cookie involved, a forged cross-site
 * form cannot act for anybody without the token itself, which is why there is no CSRF check.
 */
export function decisionLinksRouter({ db, temporal }: AppDeps, { secret }: { secret: string }) {
  /** The link's request when it may be answered now, or the page saying why not. */
  async function open(token: string): Promise<{ target: LinkTarget } | { page: LinkPage }> {
    const read = await readDecisionToken(token, secret);
    if (!read.valid) return { page: invalidLinkPage() };
    const target = await findLinkTarget(db, read.claims.jti);
    if (!target) return { page: unknownLinkPage() };
    if (target.userId !== read.claims.sub || target.decision !== read.claims.dec) return { page: invalidLinkPage() };
    if (target.usedAt) return { page: usedPage(target) };
    if (read.expired || target.expiresAt.getTime() <= Date.now()) return { page: expiredPage(target) };
    if (!target.userActive) return { page: inactivePage() };
    if (target.requestStatus !== 'pending') return { page: notPendingPage(target) };
    return { target };
  }

  return new Hono()
    .use(async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
      c.header('Content-Security-Policy', `default-src 'none'; style-src ${styleHash}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`);
      c.header('X-Robots-Tag', 'noindex, nofollow');
    })
    .use(bodyLimit({ maxSize: 16 * 1024, onError: (c) => show(c, tooLargePage()) }))
    .get('/:token', async (c) => {
      const opened = await open(c.req.param('token'));
      return show(c, 'page' in opened ? opened.page : confirmPage(opened.target, c.req.path));
    })
    .post('/:token', async (c) => {
      const token = c.req.param('token');
      const opened = await open(token);
      if ('page' in opened) return show(c, opened.page);
      const { target } = opened;

      const form = Form.safeParse(await readForm(c));
      const comment = form.success ? form.data.comment || undefined : undefined;
      if (!form.success) return show(c, confirmPage(target, c.req.path, { message: 'The form has a field this page does not know, or a comment longer than 2,000 characters.', comment: '' }));
      if (target.decision === 'reject' && !comment) return show(c, confirmPage(target, c.req.path, { message: 'A rejection needs a reason.', comment: '' }));

      // One statement claims the link; of two clicks racing, exactly one gets past here.
      if (!(await claimLink(db, target.linkId))) {
        const now = await open(token);
        return show(c, 'page' in now ? now.page : usedPage(target));
      }
      try {
        // The audit trail names the person and the link they used.
        const result = await asActor({ kind: 'user', userId: target.userId, detail: `link:${target.linkId}` }, () =>
          decide(db, temporal.client, { requestId: target.requestId, userId: target.userId, decision: target.decision, ...(comment ? { comment } : {}) }),
        );
        return show(c, donePage(target, new Date(result.decidedAt)));
      } catch (error) {
        if (error instanceof ApiError && (error.status === 403 || error.status === 404 || error.status === 409)) return show(c, refusedPage(error.status, error.message));
        c.get('log').error({ linkId: target.linkId, approvalRequestId: target.requestId, err: error }, 'a decision link could not decide its request');
        await releaseLink(db, target.linkId);
        return show(c, failedPage());
      }
    });
}

/** The posted form's fields; undefined (refused) for anything but a plain form of text fields. */
async function readForm(c: Context): Promise<unknown> {
  const type = c.req.header('content-type');
  if (!type) return {};
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) return undefined;
  const fields = await c.req.parseBody();
  return Object.values(fields).every((value) => typeof value === 'string') ? fields : undefined;
}
