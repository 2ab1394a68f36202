import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

export const lifecyclePhases = ['planning', 'execution', 'monitoring', 'closing_review', 'closed'] as const;
export type LifecyclePhase = (typeof lifecyclePhases)[number];

export const closeOutcomes = ['won', 'lost', 'cancelled'] as const;
export type CloseOutcome = (typeof closeOutcomes)[number];

/** A milestone as the lifecycle workflow schedules its checks. */
export interface MilestoneSchedule {
  milestoneId: string;
  name: string;
  dueAt: string;
  /** When the met/missed check runs: the due time, or the end of monitoring for the last ones. */
  checkAt: string;
  /** When the at-risk check runs (due time minus the warning offset), if the milestone has one. */
  warnAt: string | null;
  warned: boolean;
  status: 'pending' | 'met' | 'missed';
}

export interface ProjectPlan {
  projectId: string;
  phase: LifecyclePhase;
  periodEnd: string;
  monitoringEnd: string;
  reviewEveryMs: number;
  milestones: MilestoneSchedule[];
}

export interface SalesProjectInput {
  projectId: string;
  /** Set when the workflow continued as new: the phase it was in, until the plan is reloaded. */
  resumeIn?: LifecyclePhase;
}

export interface PendingCheck {
  milestoneId: string;
  /** `warning`: the at-risk check before the due time; `due`: the met/missed check. */
  kind: 'warning' | 'due';
  at: string;
}

/** A flow this project started (an escalation, an approval…) that has not finished yet. */
export interface RunningFlow {
  workflowId: string;
  event: string;
  subjectId: string;
}

export interface SalesProjectState {
  phase: LifecyclePhase;
  nextChecks: PendingCheck[];
  runningFlows: RunningFlow[];
  /** Why the last plan submission was sent back, until the plan is submitted again. */
  planRejection: string | null;
  /** True while the submitted plan waits for its approval flow. */
  planSubmitted: boolean;
  outcome: CloseOutcome | 'completed' | null;
  /** When the next status summary goes out (ISO), while the project is in execution. */
  nextReviewAt: string | null;
}

/** Live lifecycle state: phase, the checks still to come and the flows still running. */
export const stateQuery = defineQuery<SalesProjectState>('state');

/** Planning → approval: accepted only in planning, while no submission is being decided. */
export const submitPlanUpdate = defineUpdate<{ accepted: true }, [{ userId: string }]>('submitPlan');

/** A recorded change request (target or due date) goes to its approval flow; execution only. */
export const requestChangeUpdate = defineUpdate<{ accepted: true }, [{ changeRequestId: string }]>('requestChange');

/**
 * The shared holiday calendar the project follows (calendar.holidaysFrom) changed: warning times
 * that count business time are computed again, and their timers follow. Sent by the API after an
 * admin imports, edits or forgets a year.
 */
export const calendarChangedSignal = defineSignal('calendarChanged');

/** Ends the project early (won, lost, cancelled): straight to the closing review. */
export const closeProjectUpdate = defineUpdate<{ phase: LifecyclePhase }, [{ outcome: CloseOutcome; userId: string }]>('closeProject');

/** A lifecycle the engine has not written yet: how a new project's row starts. */
export const newLifecycleState = (): SalesProjectState => ({
  phase: 'planning',
  nextChecks: [],
  runningFlows: [],
  planRejection: null,
  planSubmitted: false,
  outcome: null,
  nextReviewAt: null,
});
