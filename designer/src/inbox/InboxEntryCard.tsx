import { Check, ExternalLink, UserRoundPlus, X } from 'lucide-react';
import { memo, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError, errorMessage } from '../api/client';
import { requestJson, requestVoid } from '../shared/request';
import { TimeText } from '../shared/TimeText';
import { formatDateTime, fromNow } from '../shared/time';
import { DelegateDialog } from './DelegateDialog';
import { kindLabel, type InboxEntry } from './inbox-model';
import { ApprovalRequest } from '../../../api/contract/approvals';

type Decision = 'approve' | 'reject' | 'acknowledge';

/**
 * One inbox item, with its decision right there: approve, reject with a reason, or acknowledge.
 * Decisions are the signed-in person's own; `userId` is whose inbox this is (for marking read).
 */
export const InboxEntryCard = memo(function InboxEntryCard({ entry, userId, onDecided }: { entry: InboxEntry; userId: string; onDecided: (text: string) => Promise<void> }) {
  const { item, request, needsAction, dueAt } = entry;
  const { t } = useTranslation('inbox');
  const subject = item.payload.subject ?? kindLabel(item.kind);
  const commentId = useId();
  const [comment, setComment] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const [sending, setSending] = useState<Decision | null>(null);
  const [error, setError] = useState<{ message: string; comment: string | null } | null>(null);
  const [marking, setMarking] = useState(false);
  const [delegating, setDelegating] = useState(false);
  const overdue = dueAt !== null && Date.parse(dueAt) < Date.now();
  const projectId = item.payload.projectId ?? request?.projectId;

  async function decide(decision: Decision) {
    if (!request) return;
    setSending(decision);
    try {
      await requestJson(ApprovalRequest, 'POST', `/api/approvals/${request.id}/decision`, {
        decision,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setError(null);
      await onDecided(t(`notices.${decision}`, { subject }));
    } catch (reason) {
      const commentDetail = reason instanceof ApiError ? (reason.details.find((d) => d.path === 'comment')?.message ?? null) : null;
      setError({ message: errorMessage(reason), comment: commentDetail });
    } finally {
      setSending(null);
    }
  }

  async function markRead() {
    setMarking(true);
    try {
      await requestVoid('POST', `/api/users/${userId}/inbox/${item.id}/read`);
      setError(null);
      await onDecided(t('notices.markedRead', { subject }));
    } catch (reason) {
      setError({ message: errorMessage(reason), comment: null });
    } finally {
      setMarking(false);
    }
  }

  const delegateButton = request?.can.delegate ? (
    <button type="button" className="button" disabled={sending !== null} onClick={() => setDelegating(true)} data-testid="delegate">
      <UserRoundPlus size={15} aria-hidden="true" /> {t('entry.delegate')}
    </button>
  ) : null;

  function submitReject(event: FormEvent) {
    event.preventDefault();
    void decide('reject');
  }

  return (
    <article className={`inbox-item${item.readAt === null ? ' inbox-item--unread' : ''}${needsAction ? ' inbox-item--action' : ''}`} aria-label={subject} data-testid="inbox-item" data-kind={item.kind}>
      <header className="inbox-item__head">
        {item.readAt === null && (
          <span className="unread-dot" title={t('entry.unread')}>
            <span className="sr-only">{t('entry.unread')}</span>
          </span>
        )}
        <span className={`kind kind--${item.kind}`}>{kindLabel(item.kind)}</span>
        <h2 className="inbox-item__subject">{subject}</h2>
        <span className="small muted inbox-item__when">
          <TimeText at={item.createdAt} hint={false} /> · {fromNow(item.createdAt)}
        </span>
      </header>
      {item.payload.message && <p className="inbox-item__message">{item.payload.message}</p>}
      {request?.onBehalfOf && (
        <p className="small inbox-item__behalf" data-testid="on-behalf-of" title={request.assignmentNote ?? undefined}>
          <UserRoundPlus size={13} aria-hidden="true" /> {t('entry.onBehalfOf', { name: request.onBehalfOf.name })}
          {request.assignmentNote && <span className="muted"> — {request.assignmentNote}</span>}
        </p>
      )}
      <p className="inbox-item__meta small">
        {request && <span className={`pill pill--${request.status === 'pending' ? 'pending' : request.status === 'rejected' || request.status === 'timed_out' ? 'missed' : 'met'}`}>{t(`status.${request.status}`)}</span>}
        {dueAt && (request === null || request.status === 'pending') && (
          <span className={overdue ? 'error-text' : ''} data-testid="inbox-deadline">
            {t(overdue ? 'entry.wasDue' : 'entry.due', { when: fromNow(dueAt), at: formatDateTime(dueAt) })}
          </span>
        )}
        {projectId && item.kind === 'approval_request' && <Link href={`/projects/${projectId}/plan`}>{t('entry.reviewPlan')}</Link>}
        {projectId && (
          <Link href={`/projects/${projectId}`}>
            {t('entry.openProject')} <ExternalLink size={12} aria-hidden="true" />
          </Link>
        )}
        {item.kind === 'retrospective_request' && projectId && <Link href={`/projects/${projectId}/retrospective`}>{t('entry.answerReview')}</Link>}
        {item.readAt === null && !needsAction && (
          <button type="button" className="link" onClick={() => void markRead()} disabled={marking} data-testid="mark-read">
            {marking ? t('entry.marking') : t('entry.markRead')}
          </button>
        )}
      </p>

      {request?.can.decide && request.kind === 'acknowledgement' && (
        <div className="inbox-item__actions">
          <button type="button" className="button button--primary" disabled={sending !== null} onClick={() => void decide('acknowledge')} data-testid="acknowledge">
            <Check size={15} aria-hidden="true" /> {sending === 'acknowledge' ? t('entry.acknowledging') : t('entry.acknowledge')}
          </button>
          {delegateButton}
        </div>
      )}
      {request?.can.decide && request.kind === 'approval' && (
        <form className="inbox-item__actions" onSubmit={submitReject}>
          {rejecting || comment ? (
            <div className={`field${error?.comment ? ' field--problem' : ''}`}>
              <label className="field__label" htmlFor={commentId}>
                {rejecting ? t('entry.whyReject') : t('entry.comment')}
              </label>
              <textarea
                id={commentId}
                rows={2}
                value={comment}
                onChange={(event) => setComment(event.target.value)}
                aria-invalid={Boolean(error?.comment)}
                aria-describedby={error?.comment ? `${commentId}-error` : undefined}
                autoFocus={rejecting}
                data-testid="decision-comment"
              />
              {error?.comment && (
                <p className="field__error" id={`${commentId}-error`}>
                  {error.comment}
                </p>
              )}
            </div>
          ) : null}
          <div className="form-actions">
            <button type="button" className="button button--primary" disabled={sending !== null} onClick={() => void decide('approve')} data-testid="approve">
              <Check size={15} aria-hidden="true" /> {sending === 'approve' ? t('entry.approving') : t('entry.approve')}
            </button>
            {rejecting ? (
              <>
                <button type="submit" className="button button--danger" disabled={sending !== null} data-testid="confirm-reject">
                  <X size={15} aria-hidden="true" /> {sending === 'reject' ? t('entry.rejecting') : t('entry.rejectWithReason')}
                </button>
                <button type="button" className="button" onClick={() => setRejecting(false)}>
                  {t('entry.cancel')}
                </button>
              </>
            ) : (
              <button type="button" className="button" disabled={sending !== null} onClick={() => setRejecting(true)} data-testid="reject">
                <X size={15} aria-hidden="true" /> {t('entry.reject')}
              </button>
            )}
            {delegateButton}
          </div>
        </form>
      )}
      {request && request.status !== 'pending' && request.comment && <p className="small muted">{t('entry.commentShown', { comment: request.comment })}</p>}
      {error && !error.comment && (
        <p className="error-text" role="alert">
          {error.message}
        </p>
      )}
      {delegating && request && (
        <DelegateDialog
          request={request}
          subject={subject}
          onClose={() => setDelegating(false)}
          onDelegated={async (to) => {
            setDelegating(false);
            await onDecided(t('notices.handedOn', { name: to, subject }));
          }}
        />
      )}
    </article>
  );
});
