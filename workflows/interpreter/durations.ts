import { sleep } from '@temporalio/workflow';
import { durationToMs, isCalendarDuration, type Duration } from '../flow/duration';
import { flowActs } from './flow-activities-proxy';

/** The moment a duration starting now ends; business units ask the project's calendar (an activity). */
export async function deadlineOf(duration: Duration, projectId: string): Promise<number> {
  if (isCalendarDuration(duration)) return Date.now() + durationToMs(duration);
  return Date.parse(await flowActs.deadline({ duration, projectId }));
}

export async function sleepUntil(at: number): Promise<void> {
  const ms = at - Date.now();
  if (ms > 0) await sleep(ms);
}
