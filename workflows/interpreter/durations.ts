import { durationToMs, isCalendarDuration, type Duration } from '../flow/duration';
import type { RunScope } from './run-scope';

/** The moment a duration starting now ends; business units ask the project's calendar (an effect). */
export async function deadlineOf(scope: RunScope, duration: Duration): Promise<number> {
  if (isCalendarDuration(duration)) return scope.env.now() + durationToMs(duration);
  return Date.parse(await scope.env.effects.deadline({ duration, projectId: scope.input.projectId }));
}

/** A deadline being awaited, with what it was counted from, so a calendar change can count it again. */
export interface Deadline {
  at: number;
  duration: Duration;
  /** When the wait began (the run's clock), which is what business time counts from. */
  from: number;
  /** The run's count of calendar changes when the calendar was asked: later ones move the deadline. */
  changes?: number;
}

/** Starts a deadline now: `from` is taken before the calendar is asked, as the wait begins. */
export async function startDeadline(scope: RunScope, duration: Duration): Promise<Deadline> {
  const from = scope.env.now();
  const changes = scope.calendarChanges();
  return { at: await deadlineOf(scope, duration), duration, from, changes };
}

/**
 * Waits until `done` holds (true) or the deadline passes (false). A business-unit deadline follows
 * the shared holiday calendar: when a year it reads changes meanwhile, the deadline is counted again from when
 * the wait began, `moved` hears of a new moment, and the wait goes on to it (or ends at once when
 * the new moment has already passed).
 */
export async function waitForDeadline(scope: RunScope, done: () => boolean, deadline: Deadline, moved?: (at: number) => Promise<void>): Promise<boolean> {
  // condition(fn, 0) would wait forever, so a deadline already past still gets a 1 ms timer.
  const remaining = () => Math.max(1, deadline.at - scope.env.now());
  if (!scope.env.followsCalendarChanges || isCalendarDuration(deadline.duration)) return scope.env.condition(done, remaining());
  // A change heard after the calendar was asked, even before the wait began (while the request
  // was being written), moves the deadline. Runs started before this replay as they were.
  const recounts = scope.env.recountsChangesHeardWhileCounting;
  let seen = recounts && deadline.changes !== undefined ? deadline.changes : scope.calendarChanges();
  const changed = scope.env.recountsOnlyForYearsRead
    ? () => scope.calendarChangedSince(seen, deadline.from, deadline.at)
    : () => scope.calendarChanges() !== seen;
  for (;;) {
    if (!(await scope.env.condition(() => done() || changed(), remaining()))) return false;
    if (done()) return true;
    // Taken before the calendar is read: a change heard while it is read is counted once more.
    const counting = scope.calendarChanges();
    const at = Date.parse(
      await scope.env.effects.deadline({ duration: deadline.duration, projectId: scope.input.projectId, from: new Date(deadline.from).toISOString() }),
    );
    if (at !== deadline.at) {
      deadline.at = at;
      await moved?.(at);
    }
    seen = recounts ? counting : scope.calendarChanges();
  }
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

/** A delay's wait: a plain timer, or one that follows calendar changes (see `waitForDeadline`). */
export async function sleepUntilDeadline(scope: RunScope, nodeId: string, deadline: Deadline): Promise<void> {
  if (!scope.env.followsCalendarChanges || isCalendarDuration(deadline.duration)) return sleepUntil(scope, nodeId, deadline.at);
  if (deadline.at - scope.env.now() <= 0) return;
  scope.sleeping.set(nodeId, new Date(deadline.at).toISOString());
  try {
    await waitForDeadline(scope, () => false, deadline, async (at) => {
      scope.sleeping.set(nodeId, new Date(at).toISOString());
    });
  } finally {
    scope.sleeping.delete(nodeId);
  }
}
