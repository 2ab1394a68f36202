import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, WorkflowIdReusePolicy, executeChild, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { TriggerEvent } from './flow/trigger-events';
import { flowRun } from './interpreter/flow-run';
import type { FlowRunResult } from './interpreter/flow-run-messages';
import { flowRunWorkflowId } from './task-queue';

const { findBoundFlow, loadFlowVersion, buildFlowContext } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

export interface RaiseBoundFlowInput {
  projectId: string;
  event: TriggerEvent;
  /** What the run is about: the scheduled time, the KPI report… It makes the run's id, so an event raised twice runs once. */
  subjectId: string;
  phase: string;
  /** The version whose trigger decided the event happened; without it, the newest bound one. */
  flowVersionId?: string;
  /** Variables the raiser knows and the database does not (kpi.before, schedule.firedAt…). */
  variables?: Record<string, unknown>;
}

/**
 * Raises an event outside a project's lifecycle workflow (a schedule, a KPI report): runs the
 * flow bound to it for one project as a child and waits for it. A second raise of the same
 * event and subject finds the run's id taken, even after the first run has ended, and does nothing.
 */
export async function raiseBoundFlow(input: RaiseBoundFlowInput): Promise<FlowRunResult | null> {
  const bound = input.flowVersionId ? await loadFlowVersion(input.flowVersionId) : await findBoundFlow({ projectId: input.projectId, event: input.event });
  if (!bound) return null;
  const context = await buildFlowContext({
    projectId: input.projectId,
    event: input.event,
    subjectId: input.subjectId,
    phase: input.phase,
    ...(input.variables ? { variables: input.variables } : {}),
  });
  try {
    return await executeChild(flowRun, {
      workflowId: flowRunWorkflowId(input.projectId, input.event, input.subjectId),
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [{ projectId: input.projectId, flowVersionId: bound.flowVersionId, document: bound.document, event: input.event, subjectId: input.subjectId, context }],
      parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return null;
    throw error;
  }
}

