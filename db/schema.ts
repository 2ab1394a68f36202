import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps are written as Date or ISO string and always read back as Date. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** numeric comes back from pg as a string; we parse it where it is read. */
type Numeric = ColumnType<string, number | string, number | string>;

export interface UsersTable {
  id: Generated<string>;
  name: string;
  email: string;
  manager_id: string | null;
  /** Inactive people are never chosen as recipients or approvers. */
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface TeamsTable {
  id: Generated<string>;
  name: string;
  created_at: CreatedAt;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
}

export const projectStatuses = ['active', 'closed'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export interface SalesProjectsTable {
  id: Generated<string>;
  name: string;
  owner_id: string;
  period_start: Timestamp;
  period_end: Timestamp;
  status: ColumnType<ProjectStatus, ProjectStatus | undefined, ProjectStatus>;
  /** Set by flows (set status step): on_track, at_risk, off_track. */
  health: string | null;
  health_reason: string | null;
  retrospective_requested_at: Timestamp | null;
  created_at: CreatedAt;
}

export const milestoneStatuses = ['pending', 'met', 'missed'] as const;
export type MilestoneStatus = (typeof milestoneStatuses)[number];

export interface MilestonesTable {
  id: Generated<string>;
  project_id: string;
  name: string;
  due_at: Timestamp;
  metric: string;
  target_value: Numeric;
  owner_id: string;
  status: ColumnType<MilestoneStatus, MilestoneStatus | undefined, MilestoneStatus>;
  /** KPI total at the moment the due-time check ran. */
  actual_value: Numeric | null;
  checked_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface KpiReportsTable {
  id: Generated<string>;
  project_id: string;
  metric: string;
  value: Numeric;
  reported_at: Timestamp;
  reporter_id: string;
  created_at: CreatedAt;
}

export interface EscalationsTable {
  id: Generated<string>;
  project_id: string;
  milestone_id: string;
  level: number;
  recipient_id: string;
  created_at: CreatedAt;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  /** The flow run that raised it; its acknowledgement step is where an ack is decided. */
  flow_run_id: string | null;
}

export const inboxItemKinds = ['escalation', 'notification', 'approval_request', 'acknowledgement_request'] as const;
export type InboxItemKind = (typeof inboxItemKinds)[number];

export interface InboxItemsTable {
  id: Generated<string>;
  user_id: string;
  kind: InboxItemKind;
  payload: ColumnType<Record<string, unknown>, string, string>;
  /** Makes notification activities idempotent: a retry finds the item it already wrote. */
  dedupe_key: string;
  created_at: CreatedAt;
  read_at: Timestamp | null;
}

type Json<T> = ColumnType<T, string, string>;

export interface FlowsTable {
  id: Generated<string>;
  name: string;
  trigger_event: string;
  /** The editable document (schema in workflows/flow); validated only when published. */
  draft: Json<unknown>;
  draft_updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  created_at: CreatedAt;
}

export interface FlowVersionsTable {
  id: Generated<string>;
  flow_id: string;
  version: number;
  /** Immutable once written (a database trigger refuses updates and deletes). */
  document: Json<unknown>;
  published_at: CreatedAt;
  published_by: string | null;
}

export interface FlowBindingsTable {
  id: Generated<string>;
  trigger_event: string;
  /** null = every project without a binding of its own. */
  project_id: string | null;
  flow_id: string;
  created_at: CreatedAt;
}

export const flowRunStatuses = ['running', 'completed', 'failed'] as const;
export type FlowRunStatus = (typeof flowRunStatuses)[number];

export interface FlowRunsTable {
  id: Generated<string>;
  flow_version_id: string;
  project_id: string;
  trigger_event: string;
  /** What the run is about (a milestone id, a change request id…), part of its dedupe. */
  subject_id: string;
  workflow_id: string;
  status: ColumnType<FlowRunStatus, FlowRunStatus | undefined, FlowRunStatus>;
  started_at: CreatedAt;
  ended_at: Timestamp | null;
}

export const approvalRequestKinds = ['approval', 'acknowledgement'] as const;
export type ApprovalRequestKind = (typeof approvalRequestKinds)[number];
export const approvalRequestStatuses = ['pending', 'approved', 'rejected', 'acknowledged', 'timed_out', 'delegated', 'cancelled'] as const;
export type ApprovalRequestStatus = (typeof approvalRequestStatuses)[number];

export interface ApprovalRequestsTable {
  id: Generated<string>;
  flow_run_id: string;
  project_id: string;
  node_id: string;
  kind: ApprovalRequestKind;
  approver_id: string;
  status: ColumnType<ApprovalRequestStatus, ApprovalRequestStatus | undefined, ApprovalRequestStatus>;
  due_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: string | null;
  comment: string | null;
  dedupe_key: string;
  created_at: CreatedAt;
}

export const taskStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export interface TasksTable {
  id: Generated<string>;
  project_id: string;
  milestone_id: string | null;
  title: string;
  assignee_id: string | null;
  due_at: Timestamp | null;
  status: ColumnType<TaskStatus, TaskStatus | undefined, TaskStatus>;
  dedupe_key: string | null;
  created_at: CreatedAt;
}

export interface Database {
  users: UsersTable;
  sales_projects: SalesProjectsTable;
  milestones: MilestonesTable;
  kpi_reports: KpiReportsTable;
  escalations: EscalationsTable;
  inbox_items: InboxItemsTable;
  user_roles: UserRolesTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  flows: FlowsTable;
  flow_versions: FlowVersionsTable;
  flow_bindings: FlowBindingsTable;
  flow_runs: FlowRunsTable;
  approval_requests: ApprovalRequestsTable;
  tasks: TasksTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type SalesProject = Selectable<SalesProjectsTable>;
export type NewSalesProject = Insertable<SalesProjectsTable>;
export type Milestone = Selectable<MilestonesTable>;
export type NewMilestone = Insertable<MilestonesTable>;
export type MilestoneUpdate = Updateable<MilestonesTable>;
export type KpiReport = Selectable<KpiReportsTable>;
export type NewKpiReport = Insertable<KpiReportsTable>;
export type Escalation = Selectable<EscalationsTable>;
export type InboxItem = Selectable<InboxItemsTable>;
export type Flow = Selectable<FlowsTable>;
export type FlowVersion = Selectable<FlowVersionsTable>;
export type FlowRun = Selectable<FlowRunsTable>;
export type ApprovalRequest = Selectable<ApprovalRequestsTable>;
export type Task = Selectable<TasksTable>;
