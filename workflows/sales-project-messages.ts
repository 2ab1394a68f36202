import { defineQuery, defineUpdate } from '@temporalio/workflow';

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

export interface OpenEscalation {
  escalationId: string;
  milestoneId: string;
  level: number;
  recipientId: string;
  /** When it goes one level up if nobody acknowledges. */
  escalatesAt: string;
}

export interface SalesProjectState {
  phase: LifecyclePhase;
  nextChecks: PendingCheck[];
  openEscalations: OpenEscalation[];
}

export interface AcknowledgeEscalationInput {
  escalationId: string;
  userId: string;
}

export interface AcknowledgeEscalationResult {
  escalationId: string;
  acknowledgedAt: string;
}

/** Live lifecycle state: phase, the checks still to come and the escalations waiting for someone. */
export const stateQuery = defineQuery<SalesProjectState>('state');

/** Sent by the API for the escalation's recipient; refused for anyone else or a closed escalation. */
export const acknowledgeEscalationUpdate = defineUpdate<AcknowledgeEscalationResult, [AcknowledgeEscalationInput]>(
  'acknowledgeEscalation',
);
