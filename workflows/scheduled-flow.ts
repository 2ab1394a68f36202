import { SearchAttributeType, WorkflowExecutionAlreadyStartedError, defineSearchAttributeKey } from '@temporalio/common';
import { ParentClosePolicy, WorkflowIdReusePolicy, proxyActivities, startChild, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { raiseBoundFlow } from './raise-bound-flow';
import { raiseWorkflowId } from './task-queue';

const { planScheduledTick } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** Set by Temporal on every workflow a Schedule starts: the time it was scheduled for. */
const scheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/** How many projects' runs are started at once by a schedule bound to all projects. */
export const SCHEDULE_BATCH = 20;

export interface ScheduledFlowTickInput {
  /** The binding's project; null = the binding for every project. */
  bindingProjectId: string | null;
}

export interface ScheduledFlowTickResult {
  scheduledAt: string;
  started: string[];
  skipped: { projectId: string; reason: string }[];
}

/**
 * What a flow binding's Temporal Schedule starts at each firing. It runs the bound flow for the
 * bound project, or for every project in the schedule's phases, each as a child that outlives
 * this tick, in batches. The scheduled time is the runs' subject, so their ids are fixed: a
 * firing can never run a project's flow twice, however often it is retried or triggered.
 */
export async function scheduledFlowTick(input: ScheduledFlowTickInput): Promise<ScheduledFlowTickResult> {
  const info = workflowInfo();
  const scheduledAt = (info.typedSearchAttributes.get(scheduledStartTime) ?? info.startTime).toISOString();
  const plan = await planScheduledTick({ bindingProjectId: input.bindingProjectId, scheduledAt });
  const started: string[] = [];
  if (plan.flowVersionId === null) return { scheduledAt, started, skipped: plan.skipped };
  const flowVersionId = plan.flowVersionId;
  for (let start = 0; start < plan.run.length; start += SCHEDULE_BATCH) {
    const batch = plan.run.slice(start, start + SCHEDULE_BATCH);
    await Promise.all(
      batch.map(async ({ projectId, phase }) => {
        try {
          await startChild(raiseBoundFlow, {
            workflowId: raiseWorkflowId(projectId, 'schedule', scheduledAt),
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
            parentClosePolicy: ParentClosePolicy.ABANDON,
            args: [{ projectId, event: 'schedule', subjectId: scheduledAt, phase, flowVersionId, variables: { schedule: { firedAt: scheduledAt } } }],
          });
          started.push(projectId);
        } catch (error) {
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        }
      }),
    );
  }
  return { scheduledAt, started, skipped: plan.skipped };
}
