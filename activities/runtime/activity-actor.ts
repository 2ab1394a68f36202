import type { Context } from '@temporalio/activity';
import type { ActivityInboundCallsInterceptor, ActivityExecuteInput, Next } from '@temporalio/worker';
import { asActor } from '../../db/actor';

/**
 * Runs every activity as its workflow, so what a flow run or a project's lifecycle changes shows
 * in the audit trail as `workflow` with the workflow id (escalation levels, timeouts, status).
 */
export class ActivityActorInterceptor implements ActivityInboundCallsInterceptor {
  constructor(private readonly context: Context) {}

  execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    return asActor({ kind: 'workflow', detail: this.context.info.workflowExecution?.workflowId ?? `activity:${this.context.info.activityId}` }, () => next(input));
  }
}
