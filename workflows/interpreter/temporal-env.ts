import { ActivityFailure, ApplicationFailure, CancellationScope, allHandlersFinished, condition, isCancellation, patched, sleep, workflowInfo } from '@temporalio/workflow';
import { ensureRetrospective } from '../retrospective';
import { chatActs, flowActs, flowEffectsInTask, flowInTaskActs, webhookActs } from './flow-activities-proxy';
import type { FlowEnv } from './flow-env';

/** The interpreter on the engine: effects are activities (most of them local), time is durable timers. */
export function temporalFlowEnv(): FlowEnv {
  const inTask = patched('flow-effects-in-task');
  return {
    runKey: workflowInfo().workflowId,
    // Runs started before joins waited for live branches replay with the old rule.
    joinsWaitForLiveBranches: patched('join-waits-for-live-branches'),
    // Runs started before deadlines followed calendar changes replay with their waits as they were.
    followsCalendarChanges: patched('deadlines-follow-calendar-changes'),
    // Runs started before it replay taking a change heard during a recount as already counted.
    recountsChangesHeardWhileCounting: patched('recount-changes-heard-while-counting'),
    // Runs started before it replay counting again for a change to any year.
    recountsOnlyForYearsRead: patched('recount-only-for-years-read'),
    // Runs started before chat channels replay without the chat activity after their message steps.
    sendsChat: patched('chat-deliveries'),
    // Asked at a delegation, not here: only runs that delegate record the patch.
    sendsDelegatedChat: () => patched('delegated-chat'),
    // Runs started before it replay with every effect scheduled as an activity of its own, and a
    // deliverChat after each message step whether it queued chat or not.
    effects: inTask ? flowEffectsInTask : flowActs,
    async deliverChat(input) {
      try {
        if (inTask && !(await flowInTaskActs.chatQueued(input))) return { ok: true, reports: [] };
        return { ok: true, reports: await chatActs.deliverChat(input) };
      } catch (error) {
        if (!(error instanceof ActivityFailure)) throw error;
        return { ok: false, message: error.cause?.message ?? error.message };
      }
    },
    async callWebhook(input, { retries, timeoutSeconds }) {
      try {
        const { status } = await webhookActs(retries, timeoutSeconds).callWebhook(input);
        return { ok: true, status };
      } catch (error) {
        if (!(error instanceof ActivityFailure)) throw error;
        const cause = error.cause;
        const details = cause instanceof ApplicationFailure ? (cause.details?.[0] as { status?: unknown } | undefined) : undefined;
        return {
          ok: false,
          message: cause?.message ?? error.message,
          retried: error.retryState !== 'NON_RETRYABLE_FAILURE',
          status: typeof details?.status === 'number' ? details.status : null,
        };
      }
    },
    startRetrospective: ({ projectId }) => ensureRetrospective(projectId),
    now: () => Date.now(),
    sleep: (ms) => sleep(ms),
    condition: (fn, timeoutMs) => (timeoutMs === undefined ? condition(fn).then(() => true) : condition(fn, timeoutMs)),
    nonCancellable: (fn) => CancellationScope.nonCancellable(fn),
    isCancellation,
    failure: (type, message) => ApplicationFailure.create({ type, message, nonRetryable: true }),
    handlersFinished: () => condition(allHandlersFinished),
  };
}
