import { ActivityFailure, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { raiseBoundFlow } from './raise-bound-flow';
import { trainingChangedSignal, type TrainingDueInput } from './training-due-messages';

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** A bounded number of reads: the first may race the API's committing transaction; a removed item stays missing. */
const { loadTrainingTimes } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '5 seconds', maximumAttempts: 8 },
});


/** condition(fn, 0) would never time out, so a moment already past still gets a 1 ms timer. */
const until = (iso: string) => Math.max(1, Date.parse(iso) - Date.now());

/**
 * One training item's durable timers: the reminder a day before its date, then at the end of its
 * date the completion check, which raises *training overdue* when an attendee has not completed it.
 *
 * Why a workflow per item rather than timers in the project's lifecycle workflow (where milestones'
 * due checks live): training items are added, moved and removed at any time, in any phase, by
 * the API; the lifecycle would need a new signal, a patched branch and its state carried through
 * continue-as-new for each. A workflow whose id is the item's (`trainingDueWorkflowId`) keeps the
 * same shape as a milestone's check — durable timer, check activity, bound flow — with none of
 * that, and its first history is its own (no replay of older lifecycle histories is affected).
 * The flow runs once per item: its run id comes from the item (see raiseBoundFlow).
 */
export async function trainingDue({ trainingId }: TrainingDueInput): Promise<'overdue' | 'completed' | 'removed'> {
  let changes = 0;
  setHandler(trainingChangedSignal, () => {
    changes++;
  });
  let reminded = false;
  for (;;) {
    const seen = changes;
    const times = await loadTrainingTimes(trainingId).catch((error: unknown) => {
      if (error instanceof ActivityFailure) return null;
      throw error;
    });
    if (!times) return 'removed';
    if (!reminded && times.remindAt) {
      if (await condition(() => changes !== seen, until(times.remindAt))) continue;
      await acts.remindTraining(trainingId);
      reminded = true;
      continue;
    }
    if (await condition(() => changes !== seen, until(times.dueAt))) continue;
    const check = await acts.checkTrainingOverdue(trainingId);
    if (!check) return 'removed';
    if (!check.overdue) return 'completed';
    await raiseBoundFlow({ projectId: check.projectId, event: 'training_overdue', subjectId: trainingId, phase: check.phase });
    return 'overdue';
  }
}
