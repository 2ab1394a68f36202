import { sql } from 'kysely';
import type { Db } from '../../db/connect';
import type { ApprovalRequestKind, ApprovalRequestStatus, DecisionLinkDecision } from '../../workflows/domain';

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
  /** "the plan of project “Q3 push”", "the escalation (level 2) about the missed milestone …". */
  about: string;
  /** The subject and text the person was sent, when the inbox still has them. */
  subject: string | null;
  message: string | null;
}

/**
 * Loads a link and what it decides. Links always name the request (`target_kind` 'approval'):
 * an escalation is acknowledged through the acknowledgement request its flow opens, so that is
 * what an escalation e-mail's link decides too.
 */
export async function findLinkTarget(db: Db, linkId: string): Promise<LinkTarget | undefined> {
  const row = await db
    .selectFrom('decision_links as l')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .innerJoin('approval_requests as r', 'r.id', 'l.target_id')
    .innerJoin('flow_runs as f', 'f.id', 'r.flow_run_id')
    .innerJoin('sales_projects as p', 'p.id', 'r.project_id')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .select([
      'l.id as link_id',
      'l.user_id',
      'u.name as user_name',
      'u.active as user_active',
      'l.decision',
      'l.expires_at',
      'l.used_at',
      'r.id as request_id',
      'r.kind as request_kind',
      'r.status as request_status',
      'r.approver_id',
      'r.due_at',
      'r.decided_at',
      'd.name as decided_by_name',
      'r.comment',
      'f.id as flow_run_id',
      'f.trigger_event',
      'f.subject_id',
      'p.name as project_name',
    ])
    .where('l.id', '=', linkId)
    .where('l.target_kind', '=', 'approval')
    .executeTakeFirst();
  if (!row) return undefined;

  const milestone = row.trigger_event.startsWith('milestone_')
    ? await db.selectFrom('milestones').select('name').where(sql<string>`id::text`, '=', row.subject_id).executeTakeFirst()
    : undefined;
  const escalation =
    row.request_kind === 'acknowledgement'
      ? await db
          .selectFrom('escalations')
          .select('level')
          .where('flow_run_id', '=', row.flow_run_id)
          .where('recipient_id', '=', row.approver_id)
          .orderBy('level', 'desc')
          .executeTakeFirst()
      : undefined;
  const sent = await db
    .selectFrom('inbox_items')
    .select('payload')
    .where('user_id', '=', row.user_id)
    .where(sql<string>`payload->>'requestId'`, '=', row.request_id)
    .orderBy('created_at')
    .executeTakeFirst();
  const payload = (sent?.payload ?? {}) as { subject?: unknown; message?: unknown };

  const subject = describeSubject(row.trigger_event, row.project_name, milestone?.name);
  return {
    linkId: row.link_id,
    userId: row.user_id,
    userName: row.user_name,
    userActive: row.user_active,
    decision: row.decision,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    requestId: row.request_id,
    requestKind: row.request_kind,
    requestStatus: row.request_status,
    dueAt: row.due_at,
    decidedAt: row.decided_at,
    decidedByName: row.decided_by_name,
    comment: row.comment,
    about: escalation ? `the escalation (level ${escalation.level}) about ${subject}` : subject,
    subject: typeof payload.subject === 'string' ? payload.subject : null,
    message: typeof payload.message === 'string' ? payload.message : null,
  };
}

function describeSubject(event: string, project: string, milestone: string | undefined): string {
  const p = `project “${project}”`;
  switch (event) {
    case 'plan_submitted':
      return `the plan of ${p}`;
    case 'change_requested':
      return `the change request on ${p}`;
    case 'milestone_missed':
      return milestone ? `the missed milestone “${milestone}” of ${p}` : `a missed milestone of ${p}`;
    case 'milestone_at_risk':
      return milestone ? `the milestone “${milestone}” at risk on ${p}` : `a milestone at risk on ${p}`;
    case 'kpi_threshold_crossed':
      return `the KPI alert on ${p}`;
    case 'project_closed':
      return `the closing of ${p}`;
    default:
      return `the request on ${p}`;
  }
}

/**
 * Marks the link used, only if nobody did before and it has not expired — one statement, so of
 * two clicks racing exactly one gets the row. Undefined when this request did not claim it.
 */
export async function claimLink(db: Db, linkId: string): Promise<Date | undefined> {
  const claimed = await db
    .updateTable('decision_links')
    .set({ used_at: sql<Date>`now()` })
    .where('id', '=', linkId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('used_at')
    .executeTakeFirst();
  return claimed?.used_at ?? undefined;
}

/**
 * Gives a link claimed by this request back, after the decision failed for a passing reason (the
 * engine unreachable), so the person can try again. Safe even if the decision did arrive: the
 * request is then no longer pending, and the flow run itself takes one decision per request.
 */
export async function releaseLink(db: Db, linkId: string): Promise<void> {
  await db.updateTable('decision_links').set({ used_at: null }).where('id', '=', linkId).execute();
}
