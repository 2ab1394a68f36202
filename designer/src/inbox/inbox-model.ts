import type { ApprovalRequest } from '../../../api/contract/approvals';
import type { InboxItem } from '../../../api/contract/users';

export interface InboxEntry {
  item: InboxItem;
  /** The approval or acknowledgement the item asks for, when it asks for one. */
  request: ApprovalRequest | null;
  /** Something the person still has to do: decide, acknowledge, or answer a closing review. */
  needsAction: boolean;
  /** The deadline the item carries (the request's, or the review's). */
  dueAt: string | null;
}

export const kindLabels: Record<InboxItem['kind'], string> = {
  approval_request: 'Approval request',
  acknowledgement_request: 'Please acknowledge',
  escalation: 'Escalation',
  notification: 'Notification',
  retrospective_request: 'Closing review',
};

/** Inbox items newest first, each with its request's live state. */
export function inboxEntries(items: readonly InboxItem[], requests: readonly ApprovalRequest[], now: number): InboxEntry[] {
  const byId = new Map(requests.map((r) => [r.id, r]));
  return [...items]
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .map((item) => {
      const request = item.payload.requestId ? (byId.get(item.payload.requestId) ?? null) : null;
      const dueAt = request?.dueAt ?? item.payload.dueAt ?? null;
      const needsAction =
        request !== null ? request.status === 'pending' : item.kind === 'retrospective_request' && dueAt !== null && Date.parse(dueAt) > now && item.readAt === null;
      return { item, request, needsAction, dueAt };
    });
}
