import { ParentClosePolicy, WorkflowIdReusePolicy, executeChild, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { flowRun } from './interpreter/flow-run';
import { flowRunWorkflowId } from './task-queue';

const { loadFlowVersion, buildFlowContext, decideIncentivePayout } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

export interface IncentivePayoutInput {
  projectId: string;
  payoutId: string;
  phase: string;
  /** The version bound to incentive_earned when the payout was earned. */
  flowVersionId: string;
  /** payout.* (amount, member…), which the API knows when it records the payout. */
  variables: Record<string, unknown>;
}

/**
 * An earned payout's way to a decision: the flow bound to incentive_earned runs as a child (its
 * approval steps ask manager, finance…), and its result decides the payout — approved unless it
 * ends 'rejected', as with plans and change requests. The workflow id is the payout's, so a
 * payout is decided once; a failed or cancelled run leaves it earned.
 */
export async function incentivePayout(input: IncentivePayoutInput): Promise<{ status: string }> {
  const bound = await loadFlowVersion(input.flowVersionId);
  const context = await buildFlowContext({ projectId: input.projectId, event: 'incentive_earned', subjectId: input.payoutId, phase: input.phase, variables: input.variables });
  const run = await executeChild(flowRun, {
    workflowId: flowRunWorkflowId(input.projectId, 'incentive_earned', input.payoutId),
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    args: [{ projectId: input.projectId, flowVersionId: bound.flowVersionId, document: bound.document, event: 'incentive_earned', subjectId: input.payoutId, context }],
    parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
  });
  return decideIncentivePayout({ payoutId: input.payoutId, approved: run.result !== 'rejected' });
}
