/** What tasks, risks and change requests can be: stored by the database, spoken by the API. */
export const taskStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
export const riskStatuses = ['open', 'mitigated', 'materialised', 'closed'] as const;
export type RiskStatus = (typeof riskStatuses)[number];
export const riskWarningDirections = ['above', 'below'] as const;
export const changeRequestSubjectKinds = ['milestone', 'goal', 'project'] as const;
export type ChangeRequestSubjectKind = (typeof changeRequestSubjectKinds)[number];
/** A project's own fields that move its timers: once it runs, they change through a change request. */
export const projectTimerFields = ['calendar', 'review_every_days', 'monitoring_days'] as const;
export type ProjectTimerField = (typeof projectTimerFields)[number];
export const changeRequestFields = ['target', 'due_at', ...projectTimerFields, 'allocation'] as const;
export type ChangeRequestField = (typeof changeRequestFields)[number];
export const isChangeRequestField = (value: unknown): value is ChangeRequestField => changeRequestFields.some((field) => field === value);
/** How people read a change request's field ("the due date of …"). */
export const changeRequestFieldLabels: Record<ChangeRequestField, string> = {
  target: 'target',
  due_at: 'due date',
  calendar: 'business calendar',
  review_every_days: 'status summary cadence',
  monitoring_days: 'monitoring window',
  allocation: 'allocation among members',
};
export const changeRequestStatuses = ['pending', 'approved', 'rejected'] as const;
export type ChangeRequestStatus = (typeof changeRequestStatuses)[number];
export const isChangeRequestStatus = (value: unknown): value is ChangeRequestStatus => changeRequestStatuses.some((status) => status === value);

/** Raises the risk when the project's KPI `metric` goes above or below `threshold`. */
export interface RiskEarlyWarning {
  metric: string;
  direction: (typeof riskWarningDirections)[number];
  threshold: number;
}
