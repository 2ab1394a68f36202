import { createHash } from 'node:crypto';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ApprovalRequestStatus } from '../../workflows/domain';
import type { Language } from '../../workflows/i18n';
import type { LinkAbout, LinkTarget } from '../../db/queries/decision-links';
import { messagesIn, minuteIn, type Say } from '../../activities/runtime/messages';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** What a link page shows: its status code, its title and its body, in the language it was written in. */
export interface LinkPage {
  status: 200 | 400 | 403 | 404 | 409 | 410 | 413 | 500;
  title: string;
  body: Html;
  language: Language;
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
<html lang="${page.language}">
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
      <p class="foot"><a href="/">${messagesIn(page.language)('page.open')}</a></p>
    </main>
  </body>
</html>`;
}

/** What a link's request is about, as `say`'s language puts it: "the plan of project “Q3 push”". */
function aboutIn(say: Say, about: LinkAbout): string {
  const project = say('page.about.project', { project: about.project });
  const named = (key: 'milestone_missed' | 'milestone_at_risk') => (about.milestone === undefined ? say(`page.about.${key}_unnamed`, { project }) : say(`page.about.${key}`, { project, milestone: about.milestone }));
  const events: Record<string, () => string> = {
    plan_submitted: () => say('page.about.plan_submitted', { project }),
    change_requested: () => say('page.about.change_requested', { project }),
    milestone_missed: () => named('milestone_missed'),
    milestone_at_risk: () => named('milestone_at_risk'),
    kpi_threshold_crossed: () => say('page.about.kpi_threshold_crossed', { project }),
    project_closed: () => say('page.about.project_closed', { project }),
    forecast_below_threshold: () => say('page.about.forecast_below_threshold', { project }),
    training_overdue: () => say('page.about.training_overdue', { project }),
    incentive_earned: () => say('page.about.incentive_earned', { project }),
  };
  const subject = (events[about.event] ?? (() => say('page.about.other', { project })))();
  return about.escalationLevel === undefined ? subject : say('page.about.escalation', { level: String(about.escalationLevel), subject });
}

/**
 * The pages of one language. A link's pages speak the language of the person it was made for,
 * else the browser's (see routes/decision-links.ts).
 */
export function linkPages(language: Language) {
  const say = messagesIn(language);
  const when = (date: Date) => minuteIn(language, date);
  const about = (target: LinkTarget) => aboutIn(say, target.about);

  const problem = (status: LinkPage['status'], title: string, ...lines: string[]): LinkPage => ({
    status,
    title,
    language,
    body: html`<h1>${title}</h1>
    ${lines.map((line) => html`<p>${line}</p>`)}`,
  });

  const outcome = (target: LinkTarget, pending = say('page.outcome.pending')): string => {
    const at = target.decidedAt ? say('page.outcome.at', { at: when(target.decidedAt) }) : '';
    const by = target.decidedByName ? say('page.outcome.by', { name: target.decidedByName }) : '';
    const status: ApprovalRequestStatus = target.requestStatus;
    return status === 'pending' ? pending : say(`page.outcome.${status}`, { at, by });
  };

  return {
    language,
    /** The question, what was sent, and one button; nothing changes until the button is pressed. */
    confirmPage(target: LinkTarget, action: string, problem?: { message: string; comment: string }): LinkPage {
      const verb = say(`decisions.${target.decision}`);
      const question = say(`page.question.${target.decision}`, { about: about(target), name: target.userName });
      const commentField =
        target.decision === 'reject'
          ? html`<label for="comment">${say('page.rejectReason')}</label>
          <textarea id="comment" name="comment" required maxlength="2000">${problem?.comment ?? ''}</textarea>`
          : target.decision === 'approve'
            ? html`<label for="comment">${say('page.comment')}</label>
            <textarea id="comment" name="comment" maxlength="2000">${problem?.comment ?? ''}</textarea>`
            : '';
      return {
        status: problem ? 400 : 200,
        title: question,
        language,
        body: html`<h1>${question}</h1>
      ${target.subject || target.message ? html`<div class="sent">${target.subject ? html`<strong>${target.subject}</strong>` : ''}${target.message ?? ''}</div>` : ''}
      <p class="muted">${say('page.answerBy', { due: when(target.dueAt) })}</p>
      ${problem ? html`<p class="error" role="alert">${problem.message}</p>` : ''}
      <form method="post" action="${action}">
        ${commentField}
        <button type="submit" class="${target.decision}">${verb}</button>
      </form>`,
      };
    },

    donePage(target: LinkTarget, decidedAt: Date): LinkPage {
      const title = say(`page.done.${target.decision}`);
      return {
        status: 200,
        title,
        language,
        body: html`<h1>${title}</h1>
      <p>${say(`page.did.${target.decision}`, { about: about(target), name: target.userName, at: when(decidedAt) })}</p>
      <p class="muted">${say('page.goesOn')}</p>`,
      };
    },

    invalidLinkPage: () => problem(400, say('page.invalidTitle'), say('page.invalid')),
    unknownLinkPage: () => problem(404, say('page.unknownTitle'), say('page.unknown')),
    expiredPage: (target: LinkTarget) => problem(410, say('page.expiredTitle'), say(`page.expired.${target.decision}`, { until: when(target.expiresAt), about: about(target) }), say('page.stillOpen')),
    inactivePage: () => problem(403, say('page.inactiveTitle'), say('page.inactive')),
    usedPage: (target: LinkTarget) =>
      problem(409, say('page.usedTitle'), say(`page.used.${target.decision}`, { at: when(target.usedAt ?? new Date()), about: about(target) }), outcome(target, say('page.beingRecorded'))),
    notPendingPage: (target: LinkTarget) => problem(409, say('page.notPendingTitle'), say('page.notPending', { about: about(target) }), outcome(target)),
    /** The flow refused the decision (for instance the step closed a moment ago). */
    refusedPage: (status: 403 | 404 | 409, message: string) => problem(status, say('page.refusedTitle'), message),
    tooLargePage: () => problem(413, say('page.tooLargeTitle'), say('page.tooLarge')),
    failedPage: () => problem(500, say('page.failedTitle'), say('page.failed')),
    formUnknown: () => say('page.formUnknown'),
    reasonNeeded: () => say('page.reasonNeeded'),
  };
}
