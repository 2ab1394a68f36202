import { createHash } from 'node:crypto';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ApprovalRequestStatus, DecisionLinkDecision } from '../../workflows/domain';
import type { LinkTarget } from '../../db/queries/decision-links';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** What a link page shows: its status code, its title and its body. */
export interface LinkPage {
  status: 200 | 400 | 403 | 404 | 409 | 410 | 413 | 500;
  title: string;
  body: Html;
}

/** Page styles; the pages' Content-Security-Policy allows this inline sheet and nothing else. */
const css = `
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#f4f5f7}
main{max-width:34rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.35rem;line-height:1.3;margin:0 0 1rem}
.sent{border-left:3px solid #cbd2d9;padding:.25rem 0 .25rem 1rem;margin:1rem 0;color:#3e4c59;white-space:pre-wrap}
.sent strong{display:block;white-space:normal}
.muted,.foot{color:#616e7c;font-size:.9rem}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
textarea{width:100%;box-sizing:border-box;min-height:5rem;font:inherit;padding:.5rem;border:1px solid #9aa5b1;border-radius:4px}
button{margin-top:1rem;font:inherit;font-weight:600;padding:.6rem 1.4rem;border:0;border-radius:4px;color:#fff;background:#2f6fde;cursor:pointer}
button.reject{background:#c23b3b}
.error{color:#a61b1b;font-weight:600}
a{color:#2f6fde}
`;

/** For the Content-Security-Policy: this exact sheet may apply, no other style and no script at all. */
export const styleHash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

export function renderPage(page: LinkPage): Html {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex, nofollow" />
    <title>${page.title} · Milepost</title>
    <style>${raw(css)}</style>
  </head>
  <body>
    <main>
      ${page.body}
      <p class="foot"><a href="/">Open Milepost</a></p>
    </main>
  </body>
</html>`;
}

export const when = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const verbs: Record<DecisionLinkDecision, { now: string; done: string }> = {
  approve: { now: 'Approve', done: 'approved' },
  reject: { now: 'Reject', done: 'rejected' },
  acknowledge: { now: 'Acknowledge', done: 'acknowledged' },
};

/** The question, what was sent, and one button; nothing changes until the button is pressed. */
export function confirmPage(target: LinkTarget, action: string, problem?: { message: string; comment: string }): LinkPage {
  const verb = verbs[target.decision].now;
  const question = `${verb} ${target.about} as ${target.userName}?`;
  const commentField =
    target.decision === 'reject'
      ? html`<label for="comment">Why do you reject it? (required)</label>
          <textarea id="comment" name="comment" required maxlength="2000">${problem?.comment ?? ''}</textarea>`
      : target.decision === 'approve'
        ? html`<label for="comment">Comment (optional)</label>
            <textarea id="comment" name="comment" maxlength="2000">${problem?.comment ?? ''}</textarea>`
        : '';
  return {
    status: problem ? 400 : 200,
    title: question,
    body: html`<h1>${question}</h1>
      ${target.subject || target.message ? html`<div class="sent">${target.subject ? html`<strong>${target.subject}</strong>` : ''}${target.message ?? ''}</div>` : ''}
      <p class="muted">Answer by ${when(target.dueAt)}. Nothing happens until you press the button.</p>
      ${problem ? html`<p class="error" role="alert">${problem.message}</p>` : ''}
      <form method="post" action="${action}">
        ${commentField}
        <button type="submit" class="${target.decision}">${verb}</button>
      </form>`,
  };
}

export function donePage(target: LinkTarget, decidedAt: Date): LinkPage {
  const done = verbs[target.decision].done;
  const title = `${done[0]!.toUpperCase()}${done.slice(1)}`;
  return {
    status: 200,
    title,
    body: html`<h1>${title}</h1>
      <p>You ${done} ${target.about} as ${target.userName} on ${when(decidedAt)}.</p>
      <p class="muted">The flow goes on from here; you can close this page.</p>`,
  };
}

const problem = (status: LinkPage['status'], title: string, ...lines: string[]): LinkPage => ({
  status,
  title,
  body: html`<h1>${title}</h1>
    ${lines.map((line) => html`<p>${line}</p>`)}`,
});

export const invalidLinkPage = () =>
  problem(400, 'This link is not valid', 'It may have been cut off or changed on its way. Open Milepost and answer from your inbox instead.');

export const unknownLinkPage = () => problem(404, 'This link no longer exists', 'Open Milepost and answer from your inbox instead.');

export const expiredPage = (target: LinkTarget) =>
  problem(410, 'This link has expired', `It worked until ${when(target.expiresAt)}, to ${target.decision} ${target.about}.`, 'If the request is still open, answer it from your inbox in Milepost.');

export const inactivePage = () => problem(403, 'This link cannot be used', 'The account it was made for is no longer active.');

const outcome = (target: LinkTarget, pending = 'It is still waiting for an answer.'): string => {
  const at = target.decidedAt ? ` on ${when(target.decidedAt)}` : '';
  const by = target.decidedByName ? ` by ${target.decidedByName}` : '';
  const said: Record<ApprovalRequestStatus, string> = {
    pending,
    approved: `It was approved${by}${at}.`,
    rejected: `It was rejected${by}${at}.`,
    acknowledged: `It was acknowledged${by}${at}.`,
    delegated: `It was handed on to someone else${at}.`,
    timed_out: `Its time ran out${at}.`,
    cancelled: `It was closed${at}; the flow no longer needed it.`,
  };
  return said[target.requestStatus];
};

export const usedPage = (target: LinkTarget) =>
  problem(
    409,
    'This link was already used',
    `It was used on ${when(target.usedAt ?? new Date())} to ${target.decision} ${target.about}.`,
    outcome(target, 'Its answer is being recorded, or could not be; your inbox in Milepost shows where the request stands.'),
  );

export const notPendingPage = (target: LinkTarget) => problem(409, 'This request is no longer waiting for an answer', `It is about ${target.about}.`, outcome(target));

/** The flow refused the decision (for instance the step closed a moment ago). */
export const refusedPage = (status: 403 | 404 | 409, message: string) => problem(status, 'The decision was not taken', message);

export const tooLargePage = () => problem(413, 'The form is too large', 'A comment can be at most 2,000 characters.');

export const failedPage = () =>
  problem(500, 'The decision could not be recorded right now', 'Nothing was decided and the link still works: try again in a moment, or answer from your inbox in Milepost.');
