import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { BusinessCalendarInput, CalendarDuration, GoalDirection, GoalMetric } from '../workflows/domain';
import type { AccessRole } from '../workflows/domain/access-role';
import type { ProjectStatus, ProjectMemberRole, MilestoneStatus, MilestoneTargetKind, RetrospectiveStatus } from '../workflows/domain/project-states';
import type { TaskStatus, RiskStatus, ChangeRequestSubjectKind, ChangeRequestField, ChangeRequestStatus, RiskEarlyWarning } from '../workflows/domain/plan-item-states';
import type { ApprovalRequestKind, ApprovalRequestStatus, DecisionLinkDecision, FlowRunStatus, InboxItemKind } from '../workflows/domain/approval-states';
import type { CloseOutcome, LifecyclePhase } from '../workflows/sales-project-messages';

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
  /** What the person may do in Milepost (see api/access); flow roles live in user_roles. */
  role: ColumnType<AccessRole, AccessRole | undefined, AccessRole>;
  /** argon2id PHC string; null = cannot sign in with a password (yet). */
  password_hash: string | null;
}

export interface SessionsTable {
  /** sha256 (hex) of the cookie's secret; the secret itself is never stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  role: AccessRole;
  /** sha256 (hex) of the token; the token is shown once at creation. */
  token_hash: string;
  /** The token's first characters, to tell tokens apart in lists. */
  prefix: string;
  created_at: CreatedAt;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  /** `account:<email>` or `address:<ip>`. */
  key: string;
  failed_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface DecisionLinksTable {
  id: Generated<string>;
  user_id: string;
  target_kind: 'approval' | 'escalation';
  target_id: string;
  decision: DecisionLinkDecision;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** Written only by the audit_row() trigger; append-only. */
export interface AuditEventsTable {
  id: Generated<number>;
  at: ColumnType<Date, never, never>;
  /** user (signed in), token (API token), workflow (an activity), system (anything else). */
  actor_kind: string;
  actor_user_id: string | null;
  /** Token id or workflow id. */
  actor_detail: string | null;
  action: 'insert' | 'update' | 'delete';
  /** The table changed. */
  entity: string;
  entity_id: string;
  project_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
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
  created_at: CreatedAt;
  /** Plan edits are accepted only in 'planning'; the lifecycle workflow moves it on. */
  phase: ColumnType<LifecyclePhase, LifecyclePhase | undefined, LifecyclePhase>;
  /** Input of `businessCalendarSchema` (parse it to fill defaults); null = the default calendar. */
  calendar: ColumnType<BusinessCalendarInput | null, string | null | undefined, string | null>;
  review_every_days: ColumnType<string, number | string | undefined, number | string>;
  monitoring_days: ColumnType<string, number | string | undefined, number | string>;
  closed_reason: ClosedReason | null;
  /** Retrospective timing: team input due, reminder before it, and the hard close. */
  retro_input_days: ColumnType<string, number | string | undefined, number | string>;
  retro_reminder_days: ColumnType<string, number | string | undefined, number | string>;
  retro_hard_deadline_days: ColumnType<string, number | string | undefined, number | string>;
}

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
  goal_id: string | null;
  team_id: string | null;
  /** cumulative: KPI total from period_start (else the project start) to due; period: only within it. */
  target_kind: ColumnType<MilestoneTargetKind, MilestoneTargetKind | undefined, MilestoneTargetKind>;
  period_start: Timestamp | null;
  /** How long before due the at-risk check runs, possibly in business days or hours. */
  warning_offset: ColumnType<CalendarDuration | null, string | null | undefined, string | null>;
  /** At-risk below this percentage of the pro-rated target. */
  warning_threshold_pct: ColumnType<string, number | string | undefined, number | string>;
  warned_at: Timestamp | null;
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
  /** The path a finished run took (workflows/flow/run-trace.ts `runPathSchema`); null while running. */
  path: Json<unknown> | null;
}

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

export type ClosedReason = CloseOutcome | 'completed';

export interface GoalsTable {
  id: Generated<string>;
  project_id: string;
  metric: GoalMetric;
  /** Set exactly when metric is 'custom'; it is then the metric name KPI reports use. */
  custom_name: string | null;
  unit: string;
  direction: ColumnType<GoalDirection, GoalDirection | undefined, GoalDirection>;
  baseline: Numeric | null;
  target: Numeric;
  period_start: Timestamp;
  period_end: Timestamp;
  created_at: CreatedAt;
}

export interface ProjectMembersTable {
  project_id: string;
  user_id: string;
  role: ProjectMemberRole;
}

export interface BudgetLinesTable {
  id: Generated<string>;
  project_id: string;
  category: string;
  planned: Numeric;
  spent: ColumnType<string, number | string | undefined, number | string>;
  created_at: CreatedAt;
}

export interface RisksTable {
  id: Generated<string>;
  project_id: string;
  title: string;
  probability: number;
  impact: number;
  /** probability × impact, computed by the database. */
  score: ColumnType<number, never, never>;
  owner_id: string | null;
  mitigation: string | null;
  status: ColumnType<RiskStatus, RiskStatus | undefined, RiskStatus>;
  early_warning: ColumnType<RiskEarlyWarning | null, string | null | undefined, string | null>;
  /** When the early-warning rule first fired. */
  raised_at: Timestamp | null;
  created_at: CreatedAt;
}

/** A target (decimal string or number) or a due time (ISO string), stored as a JSON scalar. */
export type ChangeRequestValue = string | number;

export interface ChangeRequestsTable {
  id: Generated<string>;
  project_id: string;
  subject_kind: ChangeRequestSubjectKind;
  subject_id: string;
  field: ChangeRequestField;
  before: ColumnType<ChangeRequestValue, string, string>;
  after: ColumnType<ChangeRequestValue, string, string>;
  reason: string;
  requested_by: string;
  status: ColumnType<ChangeRequestStatus, ChangeRequestStatus | undefined, ChangeRequestStatus>;
  decided_at: Timestamp | null;
  decided_by: string | null;
  created_at: CreatedAt;
}

export interface ProjectEventsTable {
  id: Generated<string>;
  project_id: string;
  at: Timestamp;
  kind: string;
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
  dedupe_key: string | null;
}

export interface RetrospectivesTable {
  id: Generated<string>;
  project_id: string;
  status: ColumnType<RetrospectiveStatus, RetrospectiveStatus | undefined, RetrospectiveStatus>;
  /** The compiled report (see activities/retrospective); frozen when finalized. */
  report: ColumnType<unknown, string, string>;
  input_due_at: Timestamp;
  hard_deadline_at: Timestamp;
  started_at: CreatedAt;
  finalized_at: Timestamp | null;
  finalized_by: string | null;
}

export interface RetrospectiveInputsTable {
  id: Generated<string>;
  retrospective_id: string;
  user_id: string;
  went_well: string;
  to_improve: string;
  action_items: ColumnType<string[], string, string>;
  late: ColumnType<boolean, boolean | undefined, boolean>;
  submitted_at: ColumnType<Date, Date | string | undefined, Date | string>;
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
  project_events: ProjectEventsTable;
  retrospectives: RetrospectivesTable;
  retrospective_inputs: RetrospectiveInputsTable;
  goals: GoalsTable;
  project_members: ProjectMembersTable;
  budget_lines: BudgetLinesTable;
  risks: RisksTable;
  change_requests: ChangeRequestsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
  decision_links: DecisionLinksTable;
  audit_events: AuditEventsTable;
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
export type Goal = Selectable<GoalsTable>;
export type NewGoal = Insertable<GoalsTable>;
export type GoalUpdate = Updateable<GoalsTable>;
export type ProjectMember = Selectable<ProjectMembersTable>;
export type BudgetLine = Selectable<BudgetLinesTable>;
export type NewBudgetLine = Insertable<BudgetLinesTable>;
export type BudgetLineUpdate = Updateable<BudgetLinesTable>;
export type Risk = Selectable<RisksTable>;
export type NewRisk = Insertable<RisksTable>;
export type RiskUpdate = Updateable<RisksTable>;
export type ChangeRequest = Selectable<ChangeRequestsTable>;
export type NewChangeRequest = Insertable<ChangeRequestsTable>;
export type NewTask = Insertable<TasksTable>;
export type TaskUpdate = Updateable<TasksTable>;
export type Retrospective = Selectable<RetrospectivesTable>;
export type RetrospectiveInput = Selectable<RetrospectiveInputsTable>;
