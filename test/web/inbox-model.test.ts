import { describe, expect, it } from 'vitest';
import { inboxEntries } from '../../designer/src/inbox/inbox-model';
import type { ApprovalRequest } from '../../api/contract/approvals';
import type { InboxItem } from '../../api/contract/users';

const now = Date.parse('2027-03-01T00:00:00Z');
const item = (id: string, createdAt: string, over: Partial<InboxItem> = {}): InboxItem => ({ id, kind: 'notification', payload: { subject: id }, createdAt, readAt: null, ...over });
const request = (id: string, status: ApprovalRequest['status']): ApprovalRequest => ({
  id,
  flowRunId: 'r',
  projectId: 'p',
  nodeId: 'n',
  kind: 'approval',
  approverId: 'u',
  status,
  dueAt: '2027-03-03T00:00:00Z',
  decidedAt: null,
  decidedBy: null,
  comment: null,
  createdAt: '2027-03-01T00:00:00Z',
  onBehalfOf: null,
  assignmentNote: null,
  can: { decide: status === 'pending', delegate: false },
});

describe('the inbox', () => {
  it('lists newest first and asks for action only while a request is pending or a review still takes answers', () => {
    const entries = inboxEntries(
      [
        item('old-approval', '2027-02-01T00:00:00Z', { kind: 'approval_request', payload: { requestId: 'r1' } }),
        item('decided', '2027-02-10T00:00:00Z', { kind: 'approval_request', payload: { requestId: 'r2' } }),
        item('review', '2027-02-20T00:00:00Z', { kind: 'retrospective_request', payload: { dueAt: '2027-03-04T00:00:00Z' } }),
        item('late-review', '2027-02-21T00:00:00Z', { kind: 'retrospective_request', payload: { dueAt: '2027-02-25T00:00:00Z' } }),
        item('note', '2027-02-22T00:00:00Z'),
      ],
      [request('r1', 'pending'), request('r2', 'approved')],
      now,
    );
    expect(entries.map((e) => [e.item.id, e.needsAction])).toEqual([
      ['note', false],
      ['late-review', false],
      ['review', true],
      ['decided', false],
      ['old-approval', true],
    ]);
    expect(entries.find((e) => e.item.id === 'old-approval')?.dueAt).toBe('2027-03-03T00:00:00Z');
  });
});
