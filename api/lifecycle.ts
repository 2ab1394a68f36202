import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { salesProject } from '../workflows/sales-project';
import { stateQuery } from '../workflows/sales-project-messages';
import { salesProjectWorkflowId } from '../workflows/task-queue';
import type { Db } from '../db/connect';
import { findLifecycleState } from '../db/queries/project-lifecycles';
import { ApiError, said } from './errors';
import { unavailableDependency } from './outages';

const QUERY_DEADLINE_MS = 3_000;

/** Starts the project's lifecycle workflow; its id is derived from the project, so never twice. */
export async function startLifecycle(client: Client, taskQueue: string, projectId: string): Promise<void> {
  try {
    await client.workflow.start<typeof salesProject>('salesProject', {
      workflowId: salesProjectWorkflowId(projectId),
      taskQueue,
      args: [{ projectId }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) {
      throw new ApiError(409, 'already_started', said('alreadyStarted', { id: projectId }));
    }
    // Unreachable: the app's one outage answer (errors.ts). Otherwise the engine's own reason.
    if (unavailableDependency(error)) throw error;
    throw new ApiError(503, 'engine_unavailable', said('engineRefusedProject', { reason: (error as Error).message }));
  }
}

/**
 * The lifecycle state as its workflow last wrote it to the database (the lifecycle projection):
 * a read never waits on the engine. Only a project whose workflow started before the projection
 * existed has no row; its workflow is asked instead.
 */
export async function readLifecycle(db: Db, client: Client, projectId: string) {
  const projected = await findLifecycleState(db, projectId);
  if (projected) return projected;
  return askLifecycle(client, projectId);
}

/** The state held by the workflow itself, or an `unavailable` note when the engine cannot be asked right now: for diagnostics. */
export async function askLifecycle(client: Client, projectId: string) {
  try {
    // A GET must not hang when no worker is polling: give the query a few seconds at most.
    const state = await client.withDeadline(Date.now() + QUERY_DEADLINE_MS, () =>
      client.workflow.getHandle(salesProjectWorkflowId(projectId)).query(stateQuery),
    );
    return { ...state, phase: state.phase as typeof state.phase | null };
  } catch (error) {
    return { phase: null, nextChecks: [], runningFlows: [], nextReviewAt: null, unavailable: (error as Error).message };
  }
}

/** Sends a lifecycle update; the workflow's refusal (wrong phase…) becomes a 409 with its reason. */
export async function sendUpdate<Ret, Args extends [unknown, ...unknown[]]>(client: Client, projectId: string, update: UpdateDefinition<Ret, Args>, ...args: Args): Promise<Ret> {
  try {
    return await client.workflow.getHandle(salesProjectWorkflowId(projectId)).executeUpdate(update, { args });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) throw new ApiError(409, 'wrong_phase', error.cause?.message ?? error.message);
    if (error instanceof WorkflowNotFoundError) throw new ApiError(409, 'closed', said('lifecycleClosed'));
    throw error;
  }
}
