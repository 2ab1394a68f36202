import { WorkflowNotFoundError } from '@temporalio/client';
import type { Db } from '../../db/connect';
import { deleteSampleRows, listSampleFlowRunWorkflowIds, listSampleRows, lockSampleCompany, sampleRemovalBlocker } from '../../db/queries/sample-company';
import { retrospectiveWorkflowId, salesProjectWorkflowId } from '../../workflows/task-queue';
import { ApiError, said } from '../errors';
import { unavailableDependency } from '../outages';
import type { Temporal } from './load-sample-company';

/**
 * Removes the sample company: stops its workflows (flow runs, lifecycles, closing reviews) and
 * deletes its projects, what was said about them in inboxes, and its people. Nothing it did not
 * make is touched; when that would be unavoidable (someone real reports to a sample person),
 * nothing is removed and the answer says why.
 */
export async function removeSampleCompany(db: Db, temporal: Temporal): Promise<{ people: number; projects: number }> {
  return db.transaction().execute(async (trx) => {
    await lockSampleCompany(trx);
    const rows = await listSampleRows(trx);
    if (rows.users.length + rows.projects.length === 0) throw new ApiError(404, 'not_found', said('noSampleCompany'));
    const blocker = await sampleRemovalBlocker(trx, rows.users, rows.projects);
    if (blocker) throw new ApiError(409, 'sample_entangled', blocker);
    const flowRuns = await listSampleFlowRunWorkflowIds(trx, rows.projects);
    await deleteSampleRows(trx, rows);
    // Stopped inside the transaction: if the engine cannot be reached, nothing is deleted. The
    // lifecycles first, so none of them sees its flow run end and acts on it.
    const workflows = [...rows.projects.flatMap((id) => [salesProjectWorkflowId(id), retrospectiveWorkflowId(id)]), ...flowRuns];
    for (const workflowId of workflows) await terminate(temporal, workflowId);
    return { people: rows.users.length, projects: rows.projects.length };
  });
}

async function terminate({ client }: Temporal, workflowId: string): Promise<void> {
  try {
    await client.workflow.getHandle(workflowId).terminate('The sample company was removed.');
  } catch (error) {
    // Already over (or never started): nothing left to stop.
    if (error instanceof WorkflowNotFoundError) return;
    if (unavailableDependency(error)) throw error;
    throw new ApiError(503, 'engine_unavailable', `The workflow engine did not stop ${workflowId}: ${(error as Error).message}`);
  }
}
