import type { ApprovalRequest } from '../../../api/contract/approvals';
import type { InboxItem } from '../../../api/contract/users';
import { i18next } from '../i18n/i18n';

export interface InboxEntry {
  item: InboxItem;
  /** The approval or acknowledgement the item asks for, when it asks for one. */
  request: ApprovalRequest | null;
  /** Something the person still has to do: decide, acknowledge, or answer a closing review. */
  needsAction: boolean;
  /** The deadline the item carries (the request's, or the review's). */
  dueAt: string | null;
}

/** What kind of item it is, in the page's language now: "Approval request". */
export const kindLabel = (kind: InboxItem['kind']): string => i18next.t(`inbox:kinds.${kind}`);

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
