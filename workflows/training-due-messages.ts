import { defineSignal } from '@temporalio/workflow';

/** The API signals it when a training item changes or is removed: its timers start over from the database. */
export const trainingChangedSignal = defineSignal('trainingChanged');

export interface TrainingDueInput {
  trainingId: string;
}
