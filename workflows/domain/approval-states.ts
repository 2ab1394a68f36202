/** What approval requests, flow runs, decision links and inbox items can be: stored by the database, spoken by the API. */
export const approvalRequestKinds = ['approval', 'acknowledgement'] as const;
export type ApprovalRequestKind = (typeof approvalRequestKinds)[number];
export const approvalRequestStatuses = ['pending', 'approved', 'rejected', 'acknowledged', 'timed_out', 'delegated', 'cancelled'] as const;
export type ApprovalRequestStatus = (typeof approvalRequestStatuses)[number];
export const decisionLinkDecisions = ['approve', 'reject', 'acknowledge'] as const;
export type DecisionLinkDecision = (typeof decisionLinkDecisions)[number];
export const flowRunStatuses = ['running', 'completed', 'failed', 'cancelled'] as const;
export type FlowRunStatus = (typeof flowRunStatuses)[number];
export const inboxItemKinds = ['escalation', 'notification', 'approval_request', 'acknowledgement_request', 'retrospective_request'] as const;
export type InboxItemKind = (typeof inboxItemKinds)[number];
