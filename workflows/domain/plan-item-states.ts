/** What tasks, risks and change requests can be: stored by the database, spoken by the API. */
export const taskStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
export const riskStatuses = ['open', 'mitigated', 'materialised', 'closed'] as const;
export type RiskStatus = (typeof riskStatuses)[number];
export const riskWarningDirections = ['above', 'below'] as const;
export const changeRequestSubjectKinds = ['milestone', 'goal'] as const;
export type ChangeRequestSubjectKind = (typeof changeRequestSubjectKinds)[number];
export const changeRequestFields = ['target', 'due_at'] as const;
export type ChangeRequestField = (typeof changeRequestFields)[number];
export const changeRequestStatuses = ['pending', 'approved', 'rejected'] as const;
export type ChangeRequestStatus = (typeof changeRequestStatuses)[number];

/** Raises the risk when the project's KPI `metric` goes above or below `threshold`. */
export interface RiskEarlyWarning {
  metric: string;
  direction: (typeof riskWarningDirections)[number];
  threshold: number;
}
