import type { ApprovalRequestKind } from '../domain';
import type { FlowEnv } from './flow-env';
import type { FlowRunInput, PathStep } from './flow-run-messages';

export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'acknowledged' | 'delegated' | 'timed_out' | 'cancelled';

/** A human request of this run; `slot` stays the same when the request is delegated. */
export interface TrackedRequest {
  requestId: string;
  nodeId: string;
  stepKey: string;
  slot: string;
  kind: ApprovalRequestKind;
  approverId: string;
  until: string;
  allowDelegation: boolean;
  status: RequestStatus;
  comment?: string;
  decidedBy?: string;
}

/** What a node handler may use: the run's input and context, its requests, and its path log. */
export interface RunScope {
  readonly input: FlowRunInput;
  readonly env: FlowEnv;
  readonly runId: string;
  readonly context: Record<string, unknown>;
  readonly requests: Map<string, TrackedRequest>;
  /**
   * Requests being opened right now. Their rows can be visible (and decided through the API)
   * before the activity that wrote them reports back, so a decision on an unknown request waits
   * for them instead of being refused.
   */
  opening: number;
  /** Unique per visit of a node (loops visit a node again), for idempotent effects. */
  stepKey(nodeId: string): string;
  note(step: PathStep): void;
  /** Steps waiting for time to pass (a delay), and until when, for whoever asks what the run waits for. */
  readonly sleeping: Map<string, string>;
  /** How many times the shared holiday calendar changed while the run was going (see durations.ts). */
  readonly calendarChanges: () => number;
  /** Whether a change heard after the first `seen` can move business time counted from `from` to `to` (see durations.ts). */
  readonly calendarChangedSince: (seen: number, from: number, to: number) => boolean;
}

/** Sets a dotted variable (`escalation.recipient.id`) in the run's context. */
export function setVariable(context: Record<string, unknown>, name: string, value: unknown): void {
  const segments = name.split('.');
  let current: Record<string, unknown> = context;
  for (const segment of segments.slice(0, -1)) {
    const next = current[segment];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) current[segment] = {};
    current = current[segment] as Record<string, unknown>;
  }
  current[segments[segments.length - 1]!] = value;
}

/** The live status of each slot of a step: the latest (non-delegated) request in it. */
export function slotStatuses(requests: Map<string, TrackedRequest>, stepKey: string): Map<string, TrackedRequest> {
  const slots = new Map<string, TrackedRequest>();
  for (const request of requests.values()) {
    if (request.stepKey !== stepKey || request.status === 'delegated') continue;
    slots.set(request.slot, request);
  }
  return slots;
}
