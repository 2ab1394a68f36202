import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { asActor } from '../../db/actor';
import { decide } from '../decide';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import { claimLink, findLinkTarget, releaseLink, type LinkTarget } from '../../db/queries/decision-links';
import { linkPages, renderPage, styleHash, type LinkPage } from '../decision-links/pages';
import { requestLanguage } from '../request-language';
import { readDecisionToken } from '../decision-links/token';

const Form = z.strictObject({ comment: z.string().trim().max(2000).optional() });

const show = (c: Context, page: LinkPage) => c.html(renderPage(page), page.status);

type Pages = ReturnType<typeof linkPages>;

/**
 * `/decide/{token}`: the pages behind the links in e-mailed requests. GET only asks (mail
 * scanners and chat previews open links, so it changes nothing); POST decides, once.
 *
 * These routes are outside `/api`, so no session is read: the signed token is the credential,
 * bound to one person, one request and one answer. With no cookie involved, a forged cross-site
 * form cannot act for anybody without the token itself, which is why there is no CSRF check.
 */
export function decisionLinksRouter({ db, temporal }: AppDeps, { secret }: { secret: string }) {
  /**
   * The link's request when it may be answered now, or the page saying why not. Pages speak the
   * language of the person the link was made for, else the browser's.
   */
  async function open(c: Context, token: string): Promise<{ target: LinkTarget; pages: Pages } | { page: LinkPage }> {
    const browser = linkPages(requestLanguage(c));
    const read = await readDecisionToken(token, secret);
    if (!read.valid) return { page: browser.invalidLinkPage() };
    const target = await findLinkTarget(db, read.claims.jti);
    if (!target) return { page: browser.unknownLinkPage() };
    if (target.userId !== read.claims.sub || target.decision !== read.claims.dec) return { page: browser.invalidLinkPage() };
    const pages = target.userLanguage ? linkPages(target.userLanguage) : browser;
    if (target.usedAt) return { page: pages.usedPage(target) };
    if (read.expired || target.expiresAt.getTime() <= Date.now()) return { page: pages.expiredPage(target) };
    if (!target.userActive) return { page: pages.inactivePage() };
    if (target.requestStatus !== 'pending') return { page: pages.notPendingPage(target) };
    return { target, pages };
  }

  return new Hono()
    .use(async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
      c.header('Content-Security-Policy', `default-src 'none'; style-src ${styleHash}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`);
      c.header('X-Robots-Tag', 'noindex, nofollow');
    })
    .use(bodyLimit({ maxSize: 16 * 1024, onError: (c) => show(c, linkPages(requestLanguage(c)).tooLargePage()) }))
    .get('/:token', async (c) => {
      const opened = await open(c, c.req.param('token'));
      return show(c, 'page' in opened ? opened.page : opened.pages.confirmPage(opened.target, c.req.path));
    })
    .post('/:token', async (c) => {
      const token = c.req.param('token');
      const opened = await open(c, token);
      if ('page' in opened) return show(c, opened.page);
      const { target, pages } = opened;

      const form = Form.safeParse(await readForm(c));
      const comment = form.success ? form.data.comment || undefined : undefined;
      if (!form.success) return show(c, pages.confirmPage(target, c.req.path, { message: pages.formUnknown(), comment: '' }));
      if (target.decision === 'reject' && !comment) return show(c, pages.confirmPage(target, c.req.path, { message: pages.reasonNeeded(), comment: '' }));

      // One statement claims the link; of two clicks racing, exactly one gets past here.
      if (!(await claimLink(db, target.linkId))) {
        const now = await open(c, token);
        return show(c, 'page' in now ? now.page : pages.usedPage(target));
      }
      try {
        // The audit trail names the person and the link they used.
        const result = await asActor({ kind: 'user', userId: target.userId, detail: `link:${target.linkId}` }, () =>
          decide(db, temporal.client, { requestId: target.requestId, userId: target.userId, decision: target.decision, ...(comment ? { comment } : {}) }),
        );
        return show(c, pages.donePage(target, new Date(result.decidedAt)));
      } catch (error) {
        if (error instanceof ApiError && (error.status === 403 || error.status === 404 || error.status === 409)) return show(c, pages.refusedPage(error.status, error.body(pages.language).message));
        c.get('log').error({ linkId: target.linkId, approvalRequestId: target.requestId, err: error }, 'a decision link could not decide its request');
        await releaseLink(db, target.linkId);
        return show(c, pages.failedPage());
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
