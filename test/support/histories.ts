import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

export const historiesDir = fileURLToPath(new URL('../workflows/histories', import.meta.url));

/**
 * With RECORD_HISTORIES=1, saves a finished workflow's history under test/workflows/histories,
 * where the replay test makes sure later workflow code still replays it. Otherwise does nothing.
 */
export async function recordHistory(client: Client, workflowId: string, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  // The same JSON the Temporal CLI and UI export, so histories from production can be added too.
  await writeFile(path.join(historiesDir, `${name}.json`), historyToJSON(history));
}
