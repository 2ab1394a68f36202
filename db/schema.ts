import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { BusinessCalendarInput, CalendarDuration, GoalDirection, GoalMetric, TargetGranularity } from '../workflows/domain';
import type { AccessRole } from '../workflows/domain/access-role';
import type { Language } from '../workflows/i18n/languages';
import type { SharedCalendarId, SharedDay } from '../workflows/domain/shared-calendars';
import type { ScorecardDimensionConfig, TrainingKind } from '../workflows/domain/sales-plan/training-and-scorecard';
import type { ProjectStatus, ProjectMemberRole, MilestoneStatus, MilestoneTargetKind, RetrospectiveStatus } from '../workflows/domain/project-states';
import type { TaskStatus, RiskStatus, ChangeRequestSubjectKind, ChangeRequestField, ChangeRequestStatus, RiskEarlyWarning } from '../workflows/domain/plan-item-states';
import type { ApprovalRequestKind, ApprovalRequestStatus, DecisionLinkDecision, FlowRunStatus, InboxItemKind } from '../workflows/domain/approval-states';
import type { CloseOutcome, LifecyclePhase, SalesProjectState } from '../workflows/sales-project-messages';
import type { ChatMessage, ChatPlatform } from '../workflows/flow/chat-platforms';
import type { ForecastSubjectKind } from '../workflows/domain/sales-plan/forecast-subjects';
import type { Earnings, IncentiveRules } from '../workflows/domain/sales-plan/incentives';
import type { PayoutStatus } from '../workflows/domain/sales-plan/payout-status';
import type { AllocationValue } from '../workflows/domain/sales-plan/allocation-value';

/** Timestamps are written as Date or ISO string and always read back as Date. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** numeric comes back from pg as a string; we parse it where it is read. */
type Numeric = ColumnType<string, number | string, number | string>;

export interface UsersTable {
  id: Generated<string>;
  name: string;
  email: string;
  managerId: string | null;
  /** Inactive people are never chosen as recipients or approvers. */
  active: ColumnType<boolean, boolean | undefined, boolean>;
  createdAt: CreatedAt;
  /** What the person may do in Milepost (see api/access); flow roles live in user_roles. */
  role: ColumnType<AccessRole, AccessRole | undefined, AccessRole>;
  /** argon2id PHC string; null = cannot sign in with a password (yet). */
  passwordHash: string | null;
  /** Chat channel the person also wants their messages in; a step's own channel wins. */
  chatChannelId: ColumnType<string | null, string | null | undefined, string | null>;
  /** The language the person reads Milepost in; null = their browser's (web), the instance language (messages). */
  language: ColumnType<Language | null, Language | null | undefined, Language | null>;
}

export interface SessionsTable {
  /** sha256 (hex) of the cookie's secret; the secret itself is never stored. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  userId: string;
  name: string;
  role: AccessRole;
  /** sha256 (hex) of the token; the token is shown once at creation. */
  tokenHash: string;
  /** The token's first characters, to tell tokens apart in lists. */
  prefix: string;
  createdAt: CreatedAt;
  expiresAt: Timestamp | null;
  lastUsedAt: Timestamp | null;
  revokedAt: Timestamp | null;
  /** The token this one was made with (null when made in a signed-in session): revoking that one revokes this one. */
  parentTokenId: string | null;
}

/** A browser someone has signed in from; its cookie carries the secret whose sha256 is `id`. */
export interface KnownDevicesTable {
  id: string;
  userId: string;
  createdAt: CreatedAt;
  lastSeenAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  /** `account:<email>`, `device:<known device id>` or `address:<ip>`. */
  key: string;
  failedAt: ColumnType<Date, Date | string | undefined, never>;
}

export interface DecisionLinksTable {
  id: Generated<string>;
  userId: string;
  targetKind: 'approval' | 'escalation';
  targetId: string;
  decision: DecisionLinkDecision;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
}

/** Written only by the audit_row() trigger; append-only. */
export interface AuditEventsTable {
  id: Generated<number>;
  at: ColumnType<Date, never, never>;
  /** user (signed in), token (API token), workflow (an activity), system (anything else). */
  actorKind: string;
  actorUserId: string | null;
  /** Token id or workflow id. */
  actorDetail: string | null;
  action: 'insert' | 'update' | 'delete';
  /** The table changed. */
  entity: string;
  entityId: string;
  projectId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface UserRolesTable {
  userId: string;
  role: string;
}

export interface TeamsTable {
  id: Generated<string>;
  name: string;
  createdAt: CreatedAt;
}

export interface TeamMembersTable {
  teamId: string;
  userId: string;
}

export interface SalesProjectsTable {
  id: Generated<string>;
  name: string;
  ownerId: string;
  periodStart: Timestamp;
  periodEnd: Timestamp;
  status: ColumnType<ProjectStatus, ProjectStatus | undefined, ProjectStatus>;
  /** Set by flows (set status step): on_track, at_risk, off_track. */
  health: string | null;
  healthReason: string | null;
  createdAt: CreatedAt;
  /** Plan edits are accepted only in 'planning'; the lifecycle workflow moves it on. */
  phase: ColumnType<LifecyclePhase, LifecyclePhase | undefined, LifecyclePhase>;
  /** Input of `businessCalendarSchema` (parse it to fill defaults); null = the default calendar. */
  calendar: ColumnType<BusinessCalendarInput | null, string | null | undefined, string | null>;
  reviewEveryDays: ColumnType<string, number | string | undefined, number | string>;
  monitoringDays: ColumnType<string, number | string | undefined, number | string>;
  /** What the project is about, in the owner's words. */
  description: ColumnType<string | null, string | null | undefined, string | null>;
  /** The team the project is for; null when none is named. */
  teamId: ColumnType<string | null, string | null | undefined, string | null>;
  closedReason: ClosedReason | null;
  /** Retrospective timing: team input due, reminder before it, and the hard close. */
  retroInputDays: ColumnType<string, number | string | undefined, number | string>;
  retroReminderDays: ColumnType<string, number | string | undefined, number | string>;
  retroHardDeadlineDays: ColumnType<string, number | string | undefined, number | string>;
}

export interface MilestonesTable {
  id: Generated<string>;
  projectId: string;
  name: string;
  /** What the milestone means for the team, in the owner's words. */
  description: string | null;
  /** Where the team shows the milestone is met. */
  evidence: string | null;
  dueAt: Timestamp;
  metric: string;
  targetValue: Numeric;
  ownerId: string;
  status: ColumnType<MilestoneStatus, MilestoneStatus | undefined, MilestoneStatus>;
  /** KPI total at the moment the due-time check ran. */
  actualValue: Numeric | null;
  checkedAt: Timestamp | null;
  createdAt: CreatedAt;
  goalId: string | null;
  teamId: string | null;
  /** cumulative: KPI total from period_start (else the project start) to due; period: only within it. */
  targetKind: ColumnType<MilestoneTargetKind, MilestoneTargetKind | undefined, MilestoneTargetKind>;
  periodStart: Timestamp | null;
  /** How long before due the at-risk check runs, possibly in business days or hours. */
  warningOffset: ColumnType<CalendarDuration | null, string | null | undefined, string | null>;
  /** At-risk below this percentage of the pro-rated target. */
  warningThresholdPct: ColumnType<string, number | string | undefined, number | string>;
  warnedAt: Timestamp | null;
  /** A member's own milestone (their share of a goal): only KPI figures reported as theirs count. */
  memberId: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface KpiReportsTable {
  id: Generated<string>;
  projectId: string;
  metric: string;
  value: Numeric;
  reportedAt: Timestamp;
  reporterId: string;
  createdAt: CreatedAt;
}

export interface EscalationsTable {
  id: Generated<string>;
  projectId: string;
  milestoneId: string;
  level: number;
  recipientId: string;
  createdAt: CreatedAt;
  acknowledgedAt: Timestamp | null;
  acknowledgedBy: string | null;
  /** The flow run that raised it; its acknowledgement step is where an ack is decided. */
  flowRunId: string | null;
}

export interface InboxItemsTable {
  id: Generated<string>;
  userId: string;
  kind: InboxItemKind;
  payload: ColumnType<Record<string, unknown>, string, string>;
  /** Makes notification activities idempotent: a retry finds the item it already wrote. */
  dedupeKey: string;
  createdAt: CreatedAt;
  readAt: Timestamp | null;
}

type Json<T> = ColumnType<T, string, string>;

export interface FlowsTable {
  id: Generated<string>;
  name: string;
  triggerEvent: string;
  /** The editable document (schema in workflows/flow); validated only when published. */
  draft: Json<unknown>;
  draftUpdatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
  createdAt: CreatedAt;
  /** Set while the flow is archived (out of the list, no new drafts or bindings). */
  archivedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface FlowVersionsTable {
  id: Generated<string>;
  flowId: string;
  version: number;
  /** Immutable once written (a database trigger refuses updates and deletes). */
  document: Json<unknown>;
  publishedAt: CreatedAt;
  publishedBy: string | null;
}

export interface FlowBindingsTable {
  id: Generated<string>;
  triggerEvent: string;
  /** null = every project without a binding of its own. */
  projectId: string | null;
  flowId: string;
  /** The published version new runs use; null = always the newest. */
  pinnedVersion: number | null;
  createdAt: CreatedAt;
}

export interface FlowRunsTable {
  id: Generated<string>;
  flowVersionId: string;
  projectId: string;
  triggerEvent: string;
  /** What the run is about (a milestone id, a change request id…), part of its dedupe. */
  subjectId: string;
  workflowId: string;
  status: ColumnType<FlowRunStatus, FlowRunStatus | undefined, FlowRunStatus>;
  startedAt: CreatedAt;
  endedAt: Timestamp | null;
  /** The path a finished run took (workflows/flow/run-trace.ts `runPathSchema`); null while running. */
  path: Json<unknown> | null;
}

export interface ApprovalRequestsTable {
  id: Generated<string>;
  flowRunId: string;
  projectId: string;
  nodeId: string;
  kind: ApprovalRequestKind;
  approverId: string;
  status: ColumnType<ApprovalRequestStatus, ApprovalRequestStatus | undefined, ApprovalRequestStatus>;
  dueAt: Timestamp;
  decidedAt: Timestamp | null;
  decidedBy: string | null;
  comment: string | null;
  dedupeKey: string;
  createdAt: CreatedAt;
  /** Whom a deputy's request stands for (they were absent when it arrived); null for the approver's own. */
  onBehalfOfId: ColumnType<string | null, string | null | undefined, string | null>;
  /** Why it went to whom it did, as the run history says it ("… on behalf of …"). */
  assignmentNote: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A person's absence: requests arriving from `startsAt` until `endsAt` go to the deputy. */
export interface AbsencesTable {
  userId: string;
  startsAt: Timestamp;
  endsAt: Timestamp;
  deputyId: string;
  setBy: string | null;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

export interface TasksTable {
  id: Generated<string>;
  projectId: string;
  milestoneId: string | null;
  title: string;
  assigneeId: string | null;
  dueAt: Timestamp | null;
  status: ColumnType<TaskStatus, TaskStatus | undefined, TaskStatus>;
  dedupeKey: string | null;
  createdAt: CreatedAt;
}

export type ClosedReason = CloseOutcome | 'completed';

export interface GoalsTable {
  id: Generated<string>;
  projectId: string;
  metric: GoalMetric;
  /** Set exactly when metric is 'custom'; it is then the metric name KPI reports use. */
  customName: string | null;
  unit: string;
  direction: ColumnType<GoalDirection, GoalDirection | undefined, GoalDirection>;
  baseline: Numeric | null;
  target: Numeric;
  periodStart: Timestamp;
  periodEnd: Timestamp;
  createdAt: CreatedAt;
}

export interface ProjectMembersTable {
  projectId: string;
  userId: string;
  role: ProjectMemberRole;
}

export interface BudgetLinesTable {
  id: Generated<string>;
  projectId: string;
  category: string;
  planned: Numeric;
  spent: ColumnType<string, number | string | undefined, number | string>;
  createdAt: CreatedAt;
}

export interface RisksTable {
  id: Generated<string>;
  projectId: string;
  title: string;
  probability: number;
  impact: number;
  /** probability × impact, computed by the database. */
  score: ColumnType<number, never, never>;
  ownerId: string | null;
  mitigation: string | null;
  status: ColumnType<RiskStatus, RiskStatus | undefined, RiskStatus>;
  earlyWarning: ColumnType<RiskEarlyWarning | null, string | null | undefined, string | null>;
  /** When the early-warning rule first fired. */
  raisedAt: Timestamp | null;
  createdAt: CreatedAt;
}

/** A target or a due date (scalars), a cadence or window in days, a project's calendar (null: the default one), or a goal's allocation among members. */
export type ChangeRequestValue = string | number | BusinessCalendarInput | AllocationValue | null;

export interface ChangeRequestsTable {
  id: Generated<string>;
  projectId: string;
  subjectKind: ChangeRequestSubjectKind;
  subjectId: string;
  field: ChangeRequestField;
  before: ColumnType<ChangeRequestValue, string, string>;
  after: ColumnType<ChangeRequestValue, string, string>;
  reason: string;
  requestedBy: string;
  status: ColumnType<ChangeRequestStatus, ChangeRequestStatus | undefined, ChangeRequestStatus>;
  decidedAt: Timestamp | null;
  decidedBy: string | null;
  createdAt: CreatedAt;
}

export interface ProjectEventsTable {
  id: Generated<string>;
  projectId: string;
  at: Timestamp;
  kind: string;
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
  dedupeKey: string | null;
}

/** The lifecycle workflow's own state as it last wrote it (see the lifecycle-projection migration). */
export interface ProjectLifecyclesTable {
  projectId: string;
  state: ColumnType<SalesProjectState, string, string>;
  /** Only grows: the workflow's clock in ms × 1000 plus a counter; an older write changes nothing. */
  version: ColumnType<string, string | number, string | number>;
  updatedAt: ColumnType<Date, never, string | Date>;
}

/** Grows at the commit of every change to what the project's page shows (db/migrations/20261210T0000-project-read-versions.ts). */
export interface ProjectReadVersionsTable {
  projectId: string;
  version: number;
  /** The transaction that last grew it (db/migrations/20261211T0000-project-list-changes.ts); the list cache compares it. */
  changedBy: string | null;
}

/** One row: grows at the commit of every change to who reports to whom. */
export interface OrgChartVersionTable {
  singleton: Generated<boolean>;
  version: number;
}

export interface RetrospectivesTable {
  id: Generated<string>;
  projectId: string;
  status: ColumnType<RetrospectiveStatus, RetrospectiveStatus | undefined, RetrospectiveStatus>;
  /** The compiled report (see activities/retrospective); frozen when finalized. */
  report: ColumnType<unknown, string, string>;
  inputDueAt: Timestamp;
  hardDeadlineAt: Timestamp;
  startedAt: CreatedAt;
  finalizedAt: Timestamp | null;
  finalizedBy: string | null;
}

export interface RetrospectiveInputsTable {
  id: Generated<string>;
  retrospectiveId: string;
  userId: string;
  wentWell: string;
  toImprove: string;
  actionItems: ColumnType<string[], string, string>;
  late: ColumnType<boolean, boolean | undefined, boolean>;
  submittedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A year of a shared calendar as an admin imported it; it replaces the package's year of the same number. */
export interface SharedCalendarYearsTable {
  calendarId: SharedCalendarId;
  year: number;
  holidays: ColumnType<SharedDay[], string, string>;
  workingDays: ColumnType<SharedDay[], string, string>;
  source: 'csv' | 'ics' | 'json';
  updatedBy: string | null;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A person or project the sample company made (see api/sample-company); removal deletes exactly these. */
export interface SampleCompanyRowsTable {
  entity: 'users' | 'sales_projects';
  entityId: string;
  createdAt: CreatedAt;
}

/** A chat tool connected by an admin; its address and secret are sealed in chat_channel_secrets. */
export interface ChatChannelsTable {
  id: Generated<string>;
  name: string;
  platform: ChatPlatform;
  hasSecret: ColumnType<boolean, boolean | undefined, boolean>;
  secretsChangedAt: ColumnType<Date, Date | string | undefined, Date | string>;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ChatChannelSecretsTable {
  channelId: string;
  /** AES-256-GCM, `v1.<iv>.<tag>.<ciphertext>` in base64url (activities/chat/secret-box.ts). */
  webhookUrlSealed: string;
  secretSealed: string | null;
}

export interface ChatDeliveryAttempt {
  attempt: number;
  at: string;
  outcome: 'failed' | 'delivered';
  detail: string;
}

export interface ChatDeliveriesTable {
  id: Generated<string>;
  dedupeKey: string;
  channelId: string;
  flowRunId: string | null;
  stepKey: string;
  recipientId: string | null;
  message: ColumnType<ChatMessage, string, string>;
  status: ColumnType<'pending' | 'delivered' | 'failed', 'pending' | 'delivered' | 'failed' | undefined, 'pending' | 'delivered' | 'failed'>;
  attempts: ColumnType<ChatDeliveryAttempt[], string | undefined, string>;
  createdAt: CreatedAt;
  deliveredAt: Timestamp | null;
}

/** What the whole instance is set to: one row (db/migrations/20261214T0000-instance-language.ts). */
export interface InstanceSettingsTable {
  id: ColumnType<boolean, never, never>;
  /** What Milepost writes in to people who chose no language of their own. */
  language: ColumnType<Language, never, Language>;
  updatedAt: ColumnType<Date, never, Date | string>;
}

export interface Database {
  users: UsersTable;
  instance_settings: InstanceSettingsTable;
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
  project_lifecycles: ProjectLifecyclesTable;
  project_read_versions: ProjectReadVersionsTable;
  org_chart_version: OrgChartVersionTable;
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
  known_devices: KnownDevicesTable;
  decision_links: DecisionLinksTable;
  audit_events: AuditEventsTable;
  shared_calendar_years: SharedCalendarYearsTable;
  absences: AbsencesTable;
  sample_company_rows: SampleCompanyRowsTable;
  chat_channels: ChatChannelsTable;
  chat_channel_secrets: ChatChannelSecretsTable;
  chat_deliveries: ChatDeliveriesTable;
  goal_allocation_plans: GoalAllocationPlansTable;
  goal_allocations: GoalAllocationsTable;
  forecast_crossings: ForecastCrossingsTable;
  project_funnels: ProjectFunnelsTable;
  training_items: TrainingItemsTable;
  training_attendees: TrainingAttendeesTable;
  scorecards: ScorecardsTable;
  incentive_rules: IncentiveRulesTable;
  incentive_payouts: IncentivePayoutsTable;
}

export type ChatChannel = Selectable<ChatChannelsTable>;
export type ChatDelivery = Selectable<ChatDeliveriesTable>;

export type Absence = Selectable<AbsencesTable>;

export type SharedCalendarYearRow = Selectable<SharedCalendarYearsTable>;

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
export type FlowBinding = Selectable<FlowBindingsTable>;
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

/** How a goal's allocations are cut over time (the options of the project's own decomposition). */
export interface GoalAllocationPlansTable {
  goalId: string;
  projectId: string;
  granularity: TargetGranularity;
  /** One weight per quarter or month; null = even (a partial month by its share). */
  periodWeights: ColumnType<number[] | null, string | null, string | null>;
  scale: ColumnType<number, number | undefined, number>;
  /** null = the project calendar's zone. */
  timeZone: string | null;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A member's or a team's part of a goal's target, by weight or by amount (exactly one is set). */
export interface GoalAllocationsTable {
  id: Generated<string>;
  projectId: string;
  goalId: string;
  position: number;
  userId: string | null;
  teamId: string | null;
  weight: Numeric | null;
  amount: Numeric | null;
  createdAt: CreatedAt;
}

export type GoalAllocationPlan = Selectable<GoalAllocationPlansTable>;
export type GoalAllocationRow = Selectable<GoalAllocationsTable>;

/** A forecast that crossed the threshold of the flow bound to "forecast below threshold" (newest row = the side it is on). */
export interface ForecastCrossingsTable {
  id: Generated<string>;
  projectId: string;
  subjectKind: ForecastSubjectKind;
  /** A goal's or milestone's id; an allocation's is `<goal id>:user:<id>` or `<goal id>:team:<id>`. */
  subjectId: string;
  thresholdPct: Numeric;
  direction: 'fell_below' | 'rose_above';
  percentOfPlan: Numeric;
  /** The forecast as it was computed, with its method and inputs. */
  forecast: Json<unknown>;
  /** The report (the first of an import) that moved it. */
  reportId: string | null;
  crossedAt: ColumnType<Date, Date | string | undefined, never>;
}

export type ForecastCrossing = Selectable<ForecastCrossingsTable>;
export type ProjectFunnel = Selectable<ProjectFunnelsTable>;

/** A stage of a project's funnel as stored: `key` is the KPI metric its counts are reported under. */
export interface FunnelStageRow {
  key: string;
  /** A custom stage's own name; null for the default ones, which the screens name in each language. */
  name: string | null;
  /** Exact decimal text in (0, 1]: the share reaching the next stage; null for the last stage. */
  conversionRate: string | null;
}

export interface ProjectFunnelsTable {
  projectId: string;
  averageDeal: Numeric;
  stages: Json<FunnelStageRow[]>;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}
/** A training item of a project's plan (see db/migrations/20261209T0300-training-and-scorecard.ts). */
export interface TrainingItemsTable {
  id: Generated<string>;
  projectId: string;
  topic: string;
  kind: TrainingKind;
  trainerId: string | null;
  trainerName: string | null;
  date: Timestamp;
  /** The end of `date` in the project's time zone: completion is due by then. */
  dueAt: Timestamp;
  budgetLineId: string | null;
  cost: Numeric | null;
  createdAt: CreatedAt;
}

export interface TrainingAttendeesTable {
  trainingId: string;
  userId: string;
  /** Null while attendance is not recorded. */
  attended: boolean | null;
  completedAt: Timestamp | null;
  score: Numeric | null;
}

export interface ScorecardsTable {
  projectId: string;
  dimensions: ColumnType<ScorecardDimensionConfig[], string, string>;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type TrainingItem = Selectable<TrainingItemsTable>;
export type TrainingAttendee = Selectable<TrainingAttendeesTable>;
export type Scorecard = Selectable<ScorecardsTable>;
/** A project's incentive rules, the KPI metric they pay on, and the budget line payouts are booked on. */
export interface IncentiveRulesTable {
  projectId: string;
  rules: ColumnType<IncentiveRules, string, string>;
  metric: ColumnType<string, string | undefined, string>;
  budgetLineId: string | null;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A payout a member earned, decided by the incentive_earned flow; approved ones are booked on the budget line. */
export interface IncentivePayoutsTable {
  id: Generated<string>;
  projectId: string;
  memberId: string;
  /** Makes the payout once only: `<member>:<earned total>` (see api/incentives/payouts.ts). */
  subject: string;
  amount: Numeric;
  /** The member's earnings so far when the payout was found; `amount` is what was not raised before. */
  earnedTotal: Numeric;
  earnings: ColumnType<Earnings, string, string>;
  asOf: Timestamp;
  status: ColumnType<PayoutStatus, PayoutStatus | undefined, PayoutStatus>;
  budgetLineId: string | null;
  createdAt: CreatedAt;
  decidedAt: Timestamp | null;
}

export type IncentiveRulesRow = Selectable<IncentiveRulesTable>;
export type IncentivePayout = Selectable<IncentivePayoutsTable>;
