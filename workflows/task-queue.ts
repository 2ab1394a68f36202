/** The one task queue that Milepost's worker polls and its clients start workflows on. */
export const TASK_QUEUE = 'milepost';

/** Derived from the project id, so starting a project's workflow twice is refused, not duplicated. */
export function salesProjectWorkflowId(projectId: string): string {
  return `sales-project-${projectId}`;
}

/** One flow run per project, event and subject: a repeated event does not start a second run. */
export function flowRunWorkflowId(projectId: string, event: string, subjectId: string): string {
  return `flow-run-${projectId}-${event}-${subjectId}`;
}

/** One retrospective per project: a second start is refused, whoever asks. */
export function retrospectiveWorkflowId(projectId: string): string {
  return `retrospective-${projectId}`;
}

/** One timer workflow per training item: its reminder and its completion check. */
export function trainingDueWorkflowId(trainingId: string): string {
  return `training-due-${trainingId}`;
}

/** The workflow that raises `event` about `subjectId` outside a lifecycle (a schedule, a KPI report); the same raise twice is refused. */
export function raiseWorkflowId(projectId: string, event: string, subjectId: string): string {
  return `raise-${projectId}-${event}-${subjectId}`;
}

/** One decision per incentive payout: the payout's id names the workflow that takes it through its flow. */
export function incentivePayoutWorkflowId(projectId: string, payoutId: string): string {
  return `incentive-payout-${projectId}-${payoutId}`;
}
