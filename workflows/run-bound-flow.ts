import { ParentClosePolicy, executeChild, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { TriggerEvent } from './flow/trigger-events';
import { flowRun } from './interpreter/flow-run';
import type { FlowRunResult } from './interpreter/flow-run-messages';
import type { RunningFlow } from './sales-project-messages';
import { flowRunWorkflowId } from './task-queue';
import { checksRunInTask, inTaskActs } from './in-task-activities';

const scheduled = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/**
 * Runs the flow bound to `event` for this project as a child workflow and waits for it. The
 * newest published version is pinned when the run starts; later versions apply to later runs.
 * Returns null when no published flow is bound to the event.
 */
export async function runBoundFlow(
  running: Map<string, RunningFlow>,
  args: { projectId: string; event: TriggerEvent; subjectId: string; phase: string; actorId?: string; outcome?: string },
): Promise<FlowRunResult | null> {
  const { findBoundFlow, buildFlowContext } = checksRunInTask() ? inTaskActs : scheduled;
  const bound = await findBoundFlow({ projectId: args.projectId, event: args.event });
  if (!bound) return null;
  const context = await buildFlowContext(args);
  const workflowId = flowRunWorkflowId(args.projectId, args.event, args.subjectId);
  running.set(workflowId, { workflowId, event: args.event, subjectId: args.subjectId });
  try {
    return await executeChild(flowRun, {
      workflowId,
      args: [{ projectId: args.projectId, flowVersionId: bound.flowVersionId, document: bound.document, event: args.event, subjectId: args.subjectId, context }],
      parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
    });
  } finally {
    running.delete(workflowId);
  }
}
