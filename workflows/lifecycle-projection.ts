import { condition, isCancellation, patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { inTaskActs } from './in-task-activities';
import type { SalesProjectState } from './sales-project-messages';

/** How workflows started before 'projection-written-in-task' write it: an activity scheduled through the server. */
const scheduled = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * Keeps the project's row in `project_lifecycles` equal to `state()`: each time the state differs
 * from what the database last took (at first `alreadyWritten`, the row the API made with the
 * project), the current state is written, one write at a time. The version (workflow time × 1000
 * + a counter) only grows, across continue-as-new too, so a retried write that lands late cannot
 * put an older state back.
 */
export function projectState(projectId: string, state: () => SalesProjectState, alreadyWritten: SalesProjectState) {
  // Inside the workflow task that changed the state (a local activity), so a change costs no
  // workflow task of its own; workflows started before replay their scheduled writes.
  const { recordLifecycleState } = patched('projection-written-in-task') ? inTaskActs : scheduled;
  let written = JSON.stringify(alreadyWritten);
  let writing = false;
  let counter = 0;
  const pending = () => JSON.stringify(state()) !== written;

  const writeWhileRunning = async () => {
    for (;;) {
      await condition(pending);
      const current = state();
      writing = true;
      try {
        await recordLifecycleState({ projectId, state: current, version: Date.now() * 1000 + (counter++ % 1000) });
      } finally {
        writing = false;
      }
      written = JSON.stringify(current);
    }
  };
  // A cancelled workflow stops writing; nothing else can end the loop (the write retries until it lands).
  void writeWhileRunning().catch((error: unknown) => {
    if (!isCancellation(error)) throw error;
  });

  return {
    /** Resolves once the database holds the current state and no write is under way. */
    flushed: () => condition(() => !writing && !pending()),
  };
}
