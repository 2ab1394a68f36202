import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

export interface RetrospectiveState {
  retrospectiveId: string | null;
  status: 'opening' | 'collecting' | 'finalized';
  inputDueAt: string | null;
  reminderAt: string | null;
  hardDeadlineAt: string | null;
}

export const retrospectiveStateQuery = defineQuery<RetrospectiveState>('retrospectiveState');

/** The owner closes the review: the report is compiled one last time and frozen. */
export const finalizeRetrospectiveUpdate = defineUpdate<{ finalizedAt: string }, [{ userId: string }]>('finalizeRetrospective');

/** Sent to the project's lifecycle when its review is final, so it can close. */
export const retrospectiveFinalizedSignal = defineSignal('retrospectiveFinalized');
