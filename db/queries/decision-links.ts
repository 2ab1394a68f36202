import { sql } from 'kysely';
import type { Db } from '../connect';
import type { ApprovalRequestKind, ApprovalRequestStatus, DecisionLinkDecision } from '../../workflows/domain';
import type { Language } from '../../workflows/i18n/languages';

/** A decision link with the person it was made for and the request it decides. */
export interface LinkTarget {
  linkId: string;
  userId: string;
  userName: string;
  userActive: boolean;
  decision: DecisionLinkDecision;
  expiresAt: Date;
  usedAt: Date | null;
  requestId: string;
  requestKind: ApprovalRequestKind;
  requestStatus: ApprovalRequestStatus;
  dueAt: Date;
  decidedAt: Date | null;
  decidedByName: string | null;
  comment: string | null;
  /** The person's own language (users.language), if they chose one. */
  userLanguage: Language | null;
  /** What the request is about, for "the plan of project “Q3 push”", "the escalation (level 2) about the missed milestone …". */
  about: LinkAbout;
  /** The subject and text the person was sent, when the inbox still has them. */
  subject: string | null;
  message: string | null;
}

/** What a link's request is about: the event that started its flow, its project and milestone, and the escalation it answers. */
export interface LinkAbout {
  event: string;
  project: string;
  milestone: string | undefined;
  escalationLevel: number | undefined;
}

/**
 * Loads a link and what it decides. Links always name the request (`target_kind` 'approval'):
 * an escalation is acknowledged through the acknowledgement request its flow opens, so that is
 * what an escalation e-mail's link decides too.
 */
export async function findLinkTarget(db: Db, linkId: string): Promise<LinkTarget | undefined> {
  const row = await db
    .selectFrom('decision_links as l')
    .innerJoin('users as u', 'u.id', 'l.userId')
    .innerJoin('approval_requests as r', 'r.id', 'l.targetId')
    .innerJoin('flow_runs as f', 'f.id', 'r.flowRunId')
    .innerJoin('sales_projects as p', 'p.id', 'r.projectId')
    .leftJoin('users as d', 'd.id', 'r.decidedBy')
    .select([
      'l.id as linkId',
      'l.userId',
      'u.name as userName',
      'u.language as userLanguage',
      'u.active as userActive',
      'l.decision',
      'l.expiresAt',
      'l.usedAt',
      'r.id as requestId',
      'r.kind as requestKind',
      'r.status as requestStatus',
      'r.approverId',
      'r.dueAt',
      'r.decidedAt',
      'd.name as decidedByName',
      'r.comment',
      'f.id as flowRunId',
      'f.triggerEvent',
      'f.subjectId',
      'p.name as projectName',
    ])
    .where('l.id', '=', linkId)
    .where('l.targetKind', '=', 'approval')
    .executeTakeFirst();
  if (!row) return undefined;

  const milestone = row.triggerEvent.startsWith('milestone_')
    ? await db.selectFrom('milestones').select('name').where(sql<string>`id::text`, '=', row.subjectId).executeTakeFirst()
    : undefined;
  const escalation =
    row.requestKind === 'acknowledgement'
      ? await db
          .selectFrom('escalations')
          .select('level')
          .where('flowRunId', '=', row.flowRunId)
          .where('recipientId', '=', row.approverId)
          .orderBy('level', 'desc')
          .executeTakeFirst()
      : undefined;
  const sent = await db
    .selectFrom('inbox_items')
    .select('payload')
    .where('userId', '=', row.userId)
    .where(sql<string>`payload->>'requestId'`, '=', row.requestId)
    .orderBy('createdAt')
    .executeTakeFirst();
  const payload = (sent?.payload ?? {}) as { subject?: unknown; message?: unknown };

  return {
    linkId: row.linkId,
    userId: row.userId,
    userName: row.userName,
    userLanguage: row.userLanguage,
    userActive: row.userActive,
    decision: row.decision,
    expiresAt: row.expiresAt,
    usedAt: row.usedAt,
    requestId: row.requestId,
    requestKind: row.requestKind,
    requestStatus: row.requestStatus,
    dueAt: row.dueAt,
    decidedAt: row.decidedAt,
    decidedByName: row.decidedByName,
    comment: row.comment,
    about: { event: row.triggerEvent, project: row.projectName, milestone: milestone?.name, escalationLevel: escalation?.level },
    subject: typeof payload.subject === 'string' ? payload.subject : null,
    message: typeof payload.message === 'string' ? payload.message : null,
  };
}

/**
 * Marks the link used, only if nobody did before and it has not expired — one statement, so of
 * two clicks racing exactly one gets the row. Undefined when this request did not claim it.
 */
export async function claimLink(db: Db, linkId: string): Promise<Date | undefined> {
  const claimed = await db
    .updateTable('decision_links')
    .set({ usedAt: sql<Date>`now()` })
    .where('id', '=', linkId)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', sql<Date>`now()`)
    .returning('usedAt')
    .executeTakeFirst();
  return claimed?.usedAt ?? undefined;
}

/**
 * Gives a link claimed by this request back, after the decision failed for a passing reason (the
 * engine unreachable), so the person can try again. Safe even if the decision did arrive: the
 * request is then no longer pending, and the flow run itself takes one decision per request.
 */
export async function releaseLink(db: Db, linkId: string): Promise<void> {
  await db.updateTable('decision_links').set({ usedAt: null }).where('id', '=', linkId).execute();
}

type DecisionLinkTarget = { userId: string; targetKind: 'approval'; targetId: string; decision: DecisionLinkDecision };

/** The newest unused, unexpired link for the same person, request and answer, to hand out again. */
export async function findLiveDecisionLink(db: Db, target: DecisionLinkTarget, now: Date) {
  return db
    .selectFrom('decision_links')
    .select(['id', 'expiresAt'])
    .where('userId', '=', target.userId)
    .where('targetKind', '=', target.targetKind)
    .where('targetId', '=', target.targetId)
    .where('decision', '=', target.decision)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .orderBy('createdAt', 'desc')
    .executeTakeFirst();
}

export async function insertDecisionLink(db: Db, target: DecisionLinkTarget, expiresAt: Date) {
  return db.insertInto('decision_links').values({ ...target, expiresAt }).returning(['id', 'expiresAt']).executeTakeFirstOrThrow();
}
