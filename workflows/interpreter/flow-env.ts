import type { Activities } from '../../activities';
import type { ChatDeliveryReport } from '../../activities/chat/chat-activities';
import type { PathStep } from './flow-run-messages';

/**
 * What the interpreter does to the world. On the engine these are activities; in a test run they
 * read the same data and record, instead of writing, what would happen.
 */
export type FlowEffects = Pick<
  Activities,
  | 'registerRun'
  | 'finishRun'
  | 'resolvePeople'
  | 'notify'
  | 'openRequests'
  | 'recordDecision'
  | 'closeRequests'
  | 'moveRequests'
  | 'escalate'
  | 'deadline'
  | 'setProjectHealth'
  | 'createTask'
>;

export type WebhookInput = Parameters<Activities['callWebhook']>[0];
/** What a step's chat messages came to; a final failure (retries spent) is answered, not thrown. */
export type ChatOutcome = { ok: true; reports: ChatDeliveryReport[] } | { ok: false; message: string };

/** A final failure says whether it was retried, and the receiver's status when it answered at all. */
export type WebhookOutcome = { ok: true; status: number } | { ok: false; message: string; retried: boolean; status: number | null };

/**
 * Everything the interpreter needs besides its input: effects, time and waiting. The Temporal
 * workflow passes durable timers and conditions; the simulator passes a virtual clock. Both run
 * the very same step logic (flow-runner.ts, node-handlers.ts, human-step.ts).
 */
export interface FlowEnv {
  /** Unique per run (the workflow id on the engine); makes the run's effects idempotent. */
  readonly runKey: string;
  /**
   * True: a join waits for the live branches of its fork (parallel-groups.ts). False only for runs
   * that started before that rule, which keep counting arrivals against incoming edges on replay.
   */
  readonly joinsWaitForLiveBranches: boolean;
  /**
   * True: a business-unit deadline (timeout, delay) is counted again when the shared holiday
   * calendar changes while it is awaited. False for runs that started before, and in test runs.
   */
  readonly followsCalendarChanges: boolean;
  /**
   * True: a calendar change heard after a deadline's calendar was read (while it was counted, or
   * before its wait began) counts it again. False for runs started before, which took such a
   * change as seen and could keep a stale deadline, and in test runs.
   */
  readonly recountsChangesHeardWhileCounting: boolean;
  /**
   * True: a wait counts its deadline again only for a change to a shared year its count reads (an
   * admin's import of 2030 leaves this week's deadlines alone). False for runs started before,
   * which count again for any change, and in test runs.
   */
  readonly recountsOnlyForYearsRead: boolean;
  /**
   * True: after a step has written its messages, their chat copies are sent (deliverChat). False
   * for runs that started before chat channels (their history has no such activity), and in test runs.
   */
  readonly sendsChat: boolean;
  /**
   * True: a delegated request's chat copy is sent too. Asked when a delegation happens (a patch
   * there), so a run that delegated before replays without it. False in test runs.
   */
  sendsDelegatedChat(): boolean;
  readonly effects: FlowEffects;
  /** Sends the chat messages a step queued, with their own retries and backoff. */
  deliverChat(input: { runId: string; stepKey: string }): Promise<ChatOutcome>;
  /** One webhook call with the step's own retry budget; a final failure is answered, not thrown. */
  callWebhook(input: WebhookInput, policy: { retries: number; timeoutSeconds: number; stepKey: string }): Promise<WebhookOutcome>;
  /** Starts the project's closing review unless it already runs (once per project). */
  startRetrospective(input: { projectId: string; stepKey: string }): Promise<void>;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Resolves true once `fn` holds, false when `timeoutMs` passes first (none = wait forever). */
  condition(fn: () => boolean, timeoutMs?: number): Promise<boolean>;
  /** Runs clean-up that must finish even when the run is being cancelled. */
  nonCancellable<T>(fn: () => Promise<T>): Promise<T>;
  isCancellation(error: unknown): boolean;
  /** Waits until decisions being handled have finished, so none is cut off when the run ends. */
  handlersFinished(): Promise<void>;
  /** Hears of each finished step (and each note) as the run records it; the simulator builds its timeline from it. */
  onStep?(step: PathStep): void;
  /** A business failure that ends the run and is not retried. */
  failure(type: string, message: string): Error;
}
