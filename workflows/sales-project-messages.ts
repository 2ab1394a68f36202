import { defineQuery } from '@temporalio/workflow';

export const lifecyclePhases = ['planning', 'execution', 'monitoring', 'closing_review', 'closed'] as const;
export type LifecyclePhase = (typeof lifecyclePhases)[number];

export interface SalesProjectInput {
  projectId: string;
}

export interface PendingCheck {
  milestoneId: string;
  kind: 'due';
  at: string;
}

/** A flow this project started (an escalation, an approval…) that has not finished yet. */
export interface RunningFlow {
  workflowId: string;
  event: string;
  subjectId: string;
}

export interface SalesProjectState {
  phase: LifecyclePhase;
  nextChecks: PendingCheck[];
  runningFlows: RunningFlow[];
}

/** Live lifecycle state: phase, the checks still to come and the flows still running. */
export const stateQuery = defineQuery<SalesProjectState>('state');
