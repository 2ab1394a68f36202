// A business-day wait counts its deadline again when the shared calendar changes. A change heard
// while that count is being made (the calendar read before the change committed) must be counted
// once more, or the wait keeps a deadline from a calendar that no longer holds.
import { describe, expect, it } from 'vitest';
import { startDeadline, waitForDeadline, type Deadline } from '../../../workflows/interpreter/durations';
import type { FlowEnv } from '../../../workflows/interpreter/flow-env';
import type { RunScope } from '../../../workflows/interpreter/run-scope';

const stale = Date.parse('2026-12-08T09:00:00Z');
const fresh = Date.parse('2026-12-07T09:00:00Z');

/** A run scope whose conditions are checked again on `notify`, and whose calendar reads are scripted. */
function scriptedScope(recounts: boolean) {
  let changes = 0;
  const waiters = new Set<() => void>();
  const notify = () => [...waiters].forEach((check) => check());
  const reads: string[] = [];
  const env = {
    recountsChangesHeardWhileCounting: recounts,
    followsCalendarChanges: true,
    now: () => Date.parse('2026-12-04T09:00:00Z'),
    condition: (fn: () => boolean) =>
      new Promise<boolean>((resolve) => {
        const check = () => {
          if (!fn()) return;
          waiters.delete(check);
          resolve(true);
        };
        waiters.add(check);
        check();
      }),
    effects: {
      // The first read sees the calendar as it was, and the restore is heard while it is made.
      deadline: async () => {
        reads.push('read');
        if (reads.length === 1) {
          changes++;
          notify();
          return new Date(stale).toISOString();
        }
        return new Date(fresh).toISOString();
      },
    },
  } as unknown as FlowEnv;
  const scope = { env, input: { projectId: 'p' }, calendarChanges: () => changes } as unknown as RunScope;
  return {
    scope,
    reads,
    change: () => {
      changes++;
      notify();
    },
    notify,
  };
}

describe('a business-day wait when the calendar changes', () => {
  it('counts its deadline again for a change heard while the calendar was being read for an earlier one', async () => {
    const { scope, reads, change, notify } = scriptedScope(true);
    const deadline: Deadline = { at: fresh, duration: { amount: 1, unit: 'business_days' }, from: scope.env.now() };
    let finished = false;
    const waited = waitForDeadline(scope, () => finished, deadline);
    change();
    await expect.poll(() => reads.length).toBe(2);
    await expect.poll(() => deadline.at).toBe(fresh);
    finished = true;
    notify();
    await expect(waited).resolves.toBe(true);
  });

  it('keeps the first count in runs started before the fix, as their histories recorded', async () => {
    const { scope, reads, change, notify } = scriptedScope(false);
    const deadline: Deadline = { at: fresh, duration: { amount: 1, unit: 'business_days' }, from: scope.env.now() };
    let finished = false;
    const waited = waitForDeadline(scope, () => finished, deadline);
    change();
    await expect.poll(() => deadline.at).toBe(stale);
    finished = true;
    notify();
    await expect(waited).resolves.toBe(true);
    expect(reads).toHaveLength(1);
  });

  it('counts its deadline again for a change heard after the calendar was asked but before the wait began', async () => {
    const { scope, reads, notify } = scriptedScope(true);
    // The first read (the deadline's own) hears the change; the wait has not begun yet.
    const deadline = await startDeadline(scope, { amount: 1, unit: 'business_days' });
    expect(deadline.at).toBe(stale);
    let finished = false;
    const waited = waitForDeadline(scope, () => finished, deadline);
    await expect.poll(() => reads.length).toBe(2);
    await expect.poll(() => deadline.at).toBe(fresh);
    finished = true;
    notify();
    await expect(waited).resolves.toBe(true);
  });
});
