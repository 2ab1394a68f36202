import { patched, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

/**
 * Short reads of the database (and a milestone check's one write, and the lifecycle projection's
 * writes) that a workflow needs before its next command, run as local activities: inside the
 * workflow task that asks, their results recorded as markers, instead of each being scheduled
 * through the server and answered in a task of its own. A missed milestone reaches the first step of its flow in one workflow task instead
 * of four. They are idempotent, so a task that fails and runs them again is safe.
 */
export const inTaskActs = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
  // Retries 1, 2, 4 and 8 s apart stay in the task; a longer wait (the database down) is a durable
  // timer, so the task and its slot on the worker are let go and the history does not grow with
  // the task's heartbeats meanwhile.
  localRetryThreshold: '10 seconds',
});

/** Workflows that checked milestones and looked up bound flows as scheduled activities replay that way. */
export const checksRunInTask = () => patched('checks-in-workflow-task');
