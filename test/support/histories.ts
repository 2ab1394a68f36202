import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
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

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** The activity a local activity's marker records, from the marker's data (JSON, as the SDK's core writes it). */
export function localActivityType(event: HistoryEvent): string | undefined {
  const marker = event.markerRecordedEventAttributes;
  const data = marker?.markerName === 'core_local_activity' ? marker.details?.data?.payloads?.[0]?.data : undefined;
  return data ? (JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type: string }).activity_type : undefined;
}

/** The activity a scheduled activity's event names. */
export const scheduledActivityType = (event: HistoryEvent): string | undefined => event.activityTaskScheduledEventAttributes?.activityType?.name ?? undefined;

/** Every activity the history ran, local or scheduled, in order. */
export const activitiesRun = (events: readonly HistoryEvent[]): string[] =>
  events.map((e) => localActivityType(e) ?? scheduledActivityType(e)).filter((name): name is string => name !== undefined);
