import { WorkflowNotFoundError } from '@temporalio/client';
import type { trainingDue } from '../workflows/training-due';
import { trainingChangedSignal } from '../workflows/training-due-messages';
import { trainingDueWorkflowId } from '../workflows/task-queue';
import type { AppDeps } from './deps';

/**
 * (Re)places a training item's timers: starts its timer workflow, or tells the running one that
 * the item changed. Called inside the transaction that writes the item, so an engine that refuses
 * leaves nothing written (the workflow's first read waits for the commit).
 */
export async function placeTrainingTimers({ client, taskQueue }: AppDeps['temporal'], trainingId: string): Promise<void> {
  await client.workflow.signalWithStart<typeof trainingDue, []>('trainingDue', {
    workflowId: trainingDueWorkflowId(trainingId),
    taskQueue,
    args: [{ trainingId }],
    signal: trainingChangedSignal,
    signalArgs: [],
  });
}

/** Tells a removed item's timer workflow to look again (and end); one that has ended is no loss. */
export async function dropTrainingTimers({ client }: AppDeps['temporal'], trainingId: string): Promise<void> {
  try {
    await client.workflow.getHandle(trainingDueWorkflowId(trainingId)).signal(trainingChangedSignal);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
}
