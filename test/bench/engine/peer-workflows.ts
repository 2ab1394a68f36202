// The benchmarks' workflow bundle: Milepost's workflows and the peer they are measured against,
// so one worker on one task queue runs both.
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { peerActivities } from './peer-activities';

export * from '../../../workflows/index';

const { touch } = proxyActivities<typeof peerActivities>({ startToCloseTimeout: '10 seconds' });

/** The smallest workflow worth the name: one timer, one activity. */
export async function minimalWorkflow(id: string): Promise<void> {
  await sleep('1 second');
  await touch(id);
}
