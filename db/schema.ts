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
  created_at: CreatedAt;
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
  /** How long an escalation recipient has to acknowledge before it goes one level up. */
  escalation_ack_timeout_seconds: ColumnType<number, number | undefined, number>;
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
}

export const inboxItemKinds = ['escalation'] as const;
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

export interface Database {
  users: UsersTable;
  sales_projects: SalesProjectsTable;
  milestones: MilestonesTable;
  kpi_reports: KpiReportsTable;
  escalations: EscalationsTable;
  inbox_items: InboxItemsTable;
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
