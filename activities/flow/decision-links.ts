import { sign } from 'hono/jwt';
import type { Db } from '../../db/connect';
import { findLiveDecisionLink, insertDecisionLink } from '../../db/queries/decision-links';
import type { ApprovalRequestKind, DecisionLinkDecision } from '../../workflows/domain';
import type { Clock } from '../clock';
import type { Language } from '../../workflows/i18n';
import { messagesIn, minuteIn } from '../runtime/messages';

/** What signs decision links and where they point; the API verifies them with the same secret. */
export interface DecisionLinkConfig {
  /** HMAC key (HS256), at least 32 characters; MILEPOST_SECRET or the generated one. */
  secret: string;
  /** Base address people reach Milepost at, without a trailing slash (PUBLIC_URL). */
  publicUrl: string;
}

export interface DecisionLink {
  decision: DecisionLinkDecision;
  url: string;
  expiresAt: Date;
}

/** A link never lives longer than this, even when its request is due later. */
export const maxLinkLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** The answers a request takes by e-mail; delegation stays in the app. */
export const linkDecisions: Record<ApprovalRequestKind, readonly DecisionLinkDecision[]> = {
  approval: ['approve', 'reject'],
  acknowledgement: ['acknowledge'],
};

/** The button or line that gives this answer, in `language`: Approve, Reject, Acknowledge. */
export const decisionLabel = (decision: DecisionLinkDecision, language: Language = 'en') => messagesIn(language)(`decisions.${decision}`);

/**
 * Mints one signed, single-use link per possible answer of a request, for the person it is
 * assigned to. A link is a `decision_links` row and a JWT (HS256) naming it: `jti` the row,
 * `sub` the person, `dec` the answer, `exp` the request's due time capped at seven days.
 *
 * Idempotent under activity retries: a live (unused, unexpired) link for the same person,
 * request and answer is signed again instead of minting another one.
 */
export function createDecisionLinkMinter({ db, clock, secret, publicUrl }: DecisionLinkConfig & { db: Db; clock: Clock }) {
  const base = publicUrl.replace(/\/+$/, '');
  return async function mintDecisionLinks(input: { userId: string; requestId: string; kind: ApprovalRequestKind; dueAt: string | Date }): Promise<DecisionLink[]> {
    const now = clock.now();
    // Whole seconds: the token's `exp` and the row's `expiresAt` name the very same instant.
    const expSeconds = Math.floor(Math.min(new Date(input.dueAt).getTime(), now.getTime() + maxLinkLifetimeMs) / 1000);
    if (expSeconds * 1000 <= now.getTime()) return []; // already due: a link would be dead on arrival
    const links: DecisionLink[] = [];
    for (const decision of linkDecisions[input.kind]) {
      const target = { userId: input.userId, targetKind: 'approval', targetId: input.requestId, decision } as const;
      const row = (await findLiveDecisionLink(db, target, now)) ?? (await insertDecisionLink(db, target, new Date(expSeconds * 1000)));
      const token = await sign({ jti: row.id, sub: input.userId, dec: decision, exp: Math.floor(row.expiresAt.getTime() / 1000) }, secret, 'HS256');
      links.push({ decision, url: `${base}/decide/${token}`, expiresAt: row.expiresAt });
    }
    return links;
  };
}

export type MintDecisionLinks = ReturnType<typeof createDecisionLinkMinter>;

/** The lines an e-mail gets under its message, in the reader's language: one link per answer and how long they work. */
export function linksText(links: DecisionLink[], language: Language = 'en'): string {
  if (links.length === 0) return '';
  const say = messagesIn(language);
  const lines = links.map((link) => say('links.line', { label: decisionLabel(link.decision, language), url: link.url }));
  return `\n\n${lines.join('\n')}\n\n${say('links.footer', { until: minuteIn(language, links[0]!.expiresAt) })}`;
}
