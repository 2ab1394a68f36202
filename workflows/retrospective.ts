import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  startChild,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { finalizeRetrospectiveUpdate, retrospectiveFinalizedSignal, retrospectiveStateQuery, type RetrospectiveState } from './retrospective-messages';
import { retrospectiveWorkflowId, salesProjectWorkflowId } from './task-queue';

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const until = (iso: string) => Math.max(1, Date.parse(iso) - Date.now());

/**
 * A project's closing review: compiles the report, asks the team the three questions, reminds
 * who has not answered, and freezes everything when the owner finalizes (or at the hard deadline).
 */
export async function retrospective({ projectId }: { projectId: string }): Promise<void> {
  const state: RetrospectiveState = { retrospectiveId: null, status: 'opening', inputDueAt: null, reminderAt: null, hardDeadlineAt: null };
  let finalizeBy: string | null | undefined;

  setHandler(retrospectiveStateQuery, () => state);
  setHandler(
    finalizeRetrospectiveUpdate,
    async ({ userId }) => {
      finalizeBy ??= userId;
      await condition(() => state.status === 'finalized');
      return { finalizedAt: new Date().toISOString() };
    },
    {
      validator: (_input) => {
        if (state.status === 'finalized') throw new Error('The closing review is already final.');
      },
    },
  );

  const opened = await acts.openRetrospective({ projectId });
  Object.assign(state, { retrospectiveId: opened.retrospectiveId, status: opened.status, inputDueAt: opened.inputDueAt, reminderAt: opened.reminderAt, hardDeadlineAt: opened.hardDeadlineAt });
  if (opened.status === 'collecting') {
    const input = { retrospectiveId: opened.retrospectiveId, projectId, inputDueAt: opened.inputDueAt };
    await acts.requestTeamInput(input);
    if (!(await condition(() => finalizeBy !== undefined, until(opened.reminderAt)))) {
      await acts.remindTeam(input);
    }
    // Late answers are still taken until the owner finalizes or the hard deadline passes.
    await condition(() => finalizeBy !== undefined, until(opened.hardDeadlineAt));
    await acts.finalizeRetrospective({ retrospectiveId: opened.retrospectiveId, projectId, userId: finalizeBy ?? null });
    state.status = 'finalized';
  }
  await condition(allHandlersFinished);
  try {
    await getExternalWorkflowHandle(salesProjectWorkflowId(projectId)).signal(retrospectiveFinalizedSignal);
  } catch {
    // The lifecycle has already ended (a flow started this review early); nobody is waiting.
  }
}

/**
 * Starts the project's retrospective unless it exists already: one project, one review, however
 * many times a lifecycle or a flow asks for it. It outlives whoever started it.
 */
export async function ensureRetrospective(projectId: string): Promise<void> {
  try {
    await startChild(retrospective, {
      workflowId: retrospectiveWorkflowId(projectId),
      args: [{ projectId }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
