// A business-day wait counts its deadline again when the shared calendar changes. A change heard
// while that count is being made (the calendar read before the change committed) must be counted
// once more, or the wait keeps a deadline from a calendar that no longer holds.
import { describe, expect, it } from 'vitest';
import { changeReaches } from '../../../workflows/domain/shared-calendars';
import { startDeadline, waitForDeadline, type Deadline } from '../../../workflows/interpreter/durations';
import type { FlowEnv } from '../../../workflows/interpreter/flow-env';
import type { RunScope } from '../../../workflows/interpreter/run-scope';

const stale = Date.parse('2026-12-08T09:00:00Z');
const fresh = Date.parse('2026-12-07T09:00:00Z');

/**
 * A run scope whose conditions are checked again on `notify`, and whose calendar reads are scripted:
 * unless `quietReads`, the first read hears a change to any day while it is made.
 */
function scriptedScope(recounts: boolean, { onlyYearsRead = false, quietReads = false } = {}) {
  const changes: (number[] | undefined)[] = [];
  const waiters = new Set<() => void>();
  const notify = () => [...waiters].forEach((check) => check());
  const reads: string[] = [];
  const env = {
    recountsChangesHeardWhileCounting: recounts,
    recountsOnlyForYearsRead: onlyYearsRead,
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
        if (reads.length === 1 && !quietReads) {
          changes.push(undefined);
          notify();
          return new Date(stale).toISOString();
        }
        return new Date(fresh).toISOString();
      },
    },
  } as unknown as FlowEnv;
  const scope = {
    env,
    input: { projectId: 'p' },
    calendarChanges: () => changes.length,
    calendarChangedSince: (seen: number, from: number, to: number) => changes.slice(seen).some((years) => changeReaches(years, from, to)),
  } as unknown as RunScope;
  return {
    scope,
    reads,
    /** A change to these shared years (to any day when none are named). */
    change: (years?: number[]) => {
      changes.push(years);
      notify();
    },
    notify,
    /** How many waits are still waiting (a wait woken by a change has left). */
    waiting: () => waiters.size,
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

  it('leaves its deadline alone for a change to a year its count does not read, and counts again for one it does', async () => {
    const { scope, reads, change, notify, waiting } = scriptedScope(true, { onlyYearsRead: true, quietReads: true });
    const deadline: Deadline = { at: stale, duration: { amount: 1, unit: 'business_days' }, from: scope.env.now() };
    let finished = false;
    const waited = waitForDeadline(scope, () => finished, deadline);
    change([2030]);
    expect(waiting(), 'an admin’s import of 2030 does not wake a wait from 4 to 8 December 2026').toBe(1);
    change([2026]);
    expect(waiting()).toBe(0);
    await expect.poll(() => deadline.at).toBe(fresh);
    expect(reads).toHaveLength(1);
    finished = true;
    notify();
    await expect(waited).resolves.toBe(true);
  });

  it('counts again for a change to any year in runs started before years were told', async () => {
    const { scope, reads, change, notify, waiting } = scriptedScope(true, { quietReads: true });
    const deadline: Deadline = { at: stale, duration: { amount: 1, unit: 'business_days' }, from: scope.env.now() };
    let finished = false;
    const waited = waitForDeadline(scope, () => finished, deadline);
    change([2030]);
    expect(waiting()).toBe(0);
    await expect.poll(() => reads).toHaveLength(1);
    finished = true;
    notify();
    await expect(waited).resolves.toBe(true);
  });
});

describe('which calendar changes reach a count of business time', () => {
  const at = (iso: string) => Date.parse(iso);

  it('reaches a count through the years it spans, and one day either side of them for any time zone’s new year', () => {
    const from = at('2026-12-31T20:00:00Z');
    const to = at('2027-01-02T08:00:00Z');
    expect(changeReaches([2026], from, to)).toBe(true);
    expect(changeReaches([2027], from, to)).toBe(true);
    expect(changeReaches([2025, 2028], from, to)).toBe(false);
    // Shanghai's 1 January 2027 begins at 16:00 UTC on 31 December 2026.
    expect(changeReaches([2027], at('2026-12-30T09:00:00Z'), at('2026-12-31T17:00:00Z'))).toBe(true);
  });

  it('reaches every count when it does not say which years changed (the project’s own calendar changed)', () => {
    expect(changeReaches(undefined, at('2026-03-02T09:00:00Z'), at('2026-03-03T09:00:00Z'))).toBe(true);
  });
});
