import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { FlowDocument } from '../flow/graph-schema';
import type { RunPathStep } from '../flow/run-trace';
import type { TriggerEvent } from '../flow/trigger-events';
import type { flowResults } from '../flow/nodes/end';

export type FlowResult = (typeof flowResults)[number];

export interface FlowRunInput {
  projectId: string;
  flowVersionId: string;
  /** The published version's document; the run keeps it even when newer versions appear. */
  document: FlowDocument;
  event: TriggerEvent;
  /** What the run is about: a milestone id, a change request id, the project id… */
  subjectId: string;
  /** Variables the trigger's event provides (project.*, milestone.*, …). */
  context: Record<string, unknown>;
}

export interface FlowRunResult {
  result: FlowResult;
  context: Record<string, unknown>;
}

/** One step of a run's path: one definition, shared with the run traces the API and designer read. */
export type PathStep = RunPathStep;

export interface WaitingRequest {
  requestId: string;
  nodeId: string;
  kind: 'approval' | 'acknowledgement';
  approverId: string;
  until: string;
}

export interface FlowRunState {
  flowVersionId: string;
  status: 'running' | 'completed' | 'failed' | 'cancelled';
  currentNodes: string[];
  path: PathStep[];
  waitingFor: WaitingRequest[];
  /** Delay steps and the moment each goes on. */
  sleepingUntil?: { nodeId: string; until: string }[];
  result?: FlowResult;
}

export const decisions = ['approve', 'reject', 'acknowledge', 'delegate'] as const;
export type DecisionKind = (typeof decisions)[number];

export interface Decision {
  requestId: string;
  /** Who decides: must be the person the request is assigned to. */
  userId: string;
  decision: DecisionKind;
  comment?: string;
  /** For `delegate`: who takes the request over. */
  delegateTo?: string;
  /** How the person reached us, as the audit trail names it (`link:<id>`, an API token's id). */
  via?: string;
}

export interface DecisionResult {
  requestId: string;
  decidedAt: string;
  /** For delegation: the new request opened for the delegate. */
  delegatedRequestId?: string;
}

/** Current node(s), the path taken, and what the run waits for and until when. */
export const flowRunStateQuery = defineQuery<FlowRunState>('flowRunState');

/** A person's decision on a request of this run; refused for anyone but the assignee. */
export const decideUpdate = defineUpdate<DecisionResult, [Decision]>('decide');

/**
 * What changed in the calendar a run's project follows. `years`: the shared calendar's years an
 * admin imported, edited or forgot; absent when any day may have changed (the project's own
 * calendar was changed, or the sender predates years).
 */
export interface CalendarChange {
  years?: number[];
}

/** The calendar the run's project follows changed (sent by the API after an admin's import or edit, or by the lifecycle). */
export const flowCalendarChangedSignal = defineSignal<[CalendarChange?]>('calendarChanged');
