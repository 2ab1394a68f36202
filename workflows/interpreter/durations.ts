import { durationToMs, isCalendarDuration, type Duration } from '../flow/duration';
import type { RunScope } from './run-scope';

/** The moment a duration starting now ends; business units ask the project's calendar (an effect). */
export async function deadlineOf(scope: RunScope, duration: Duration): Promise<number> {
  if (isCalendarDuration(duration)) return scope.env.now() + durationToMs(duration);
  return Date.parse(await scope.env.effects.deadline({ duration, projectId: scope.input.projectId }));
}

/** Waits until `at`, telling whoever asks which step sleeps until when. */
export async function sleepUntil(scope: RunScope, nodeId: string, at: number): Promise<void> {
  const ms = at - scope.env.now();
  if (ms <= 0) return;
  scope.sleeping.set(nodeId, new Date(at).toISOString());
  try {
    await scope.env.sleep(ms);
  } finally {
    scope.sleeping.delete(nodeId);
  }
}
