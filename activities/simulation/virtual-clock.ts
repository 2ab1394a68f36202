/**
 * Simulated time for async code: timers and conditions like the workflow's, on a clock that jumps
 * straight to the next thing that can happen. Effects that do real I/O (reading the database) are
 * `track`ed, so the clock only moves when nothing is running and no condition can make progress.
 */
interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fire: () => void;
}

interface Waiter {
  readonly fn: () => boolean;
  readonly resolve: (held: boolean) => void;
  timer?: Timer;
}

export type RunOutcome = 'finished' | 'horizon';

/** Lets every queued microtask run and the event loop turn once. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createVirtualClock(start: number) {
  let now = start;
  let seq = 0;
  let busy = 0;
  let idle: (() => void)[] = [];
  const timers: Timer[] = [];
  const waiters = new Set<Waiter>();

  const at = (when: number, fire: () => void): Timer => {
    const timer = { at: Math.max(when, now), seq: seq++, fire };
    timers.push(timer);
    return timer;
  };
  const cancel = (timer: Timer | undefined) => {
    const index = timer ? timers.indexOf(timer) : -1;
    if (index >= 0) timers.splice(index, 1);
  };

  /** Wakes the waiters whose condition now holds; true when any did. */
  const wake = (): boolean => {
    let woke = false;
    for (const waiter of [...waiters]) {
      if (!waiter.fn()) continue;
      waiters.delete(waiter);
      cancel(waiter.timer);
      waiter.resolve(true);
      woke = true;
    }
    return woke;
  };

  /** Returns once nothing runs, nothing is being read, and no waiting condition holds. */
  const quiet = async () => {
    for (;;) {
      await turn();
      await turn();
      if (busy > 0) {
        await new Promise<void>((resolve) => idle.push(resolve));
        continue;
      }
      if (!wake()) return;
    }
  };

  return {
    now: () => now,
    /** Runs `fire` when the clock reaches `when`. */
    at,
    sleep: (ms: number) => new Promise<void>((resolve) => at(now + ms, resolve)),
    condition(fn: () => boolean, timeoutMs?: number): Promise<boolean> {
      return new Promise((resolve) => {
        const waiter: Waiter = { fn, resolve };
        if (timeoutMs !== undefined) {
          waiter.timer = at(now + timeoutMs, () => {
            waiters.delete(waiter);
            resolve(false);
          });
        }
        waiters.add(waiter);
      });
    },
    /** Marks real I/O in flight, so the clock waits for it before moving. */
    track<T>(work: Promise<T>): Promise<T> {
      busy++;
      return work.finally(() => {
        busy--;
        if (busy === 0) {
          const resolvers = idle;
          idle = [];
          for (const resolve of resolvers) resolve();
        }
      });
    },
    /**
     * Drives `main` to its end, moving the clock from one timer to the next; stops at `horizon`
     * (a flow may wait forever) and says which happened.
     */
    async run(main: Promise<unknown>, horizon: number): Promise<RunOutcome> {
      let finished = false;
      main.then(
        () => (finished = true),
        () => (finished = true),
      );
      for (;;) {
        await quiet();
        if (finished) return 'finished';
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers[0];
        if (!next || next.at > horizon) return 'horizon';
        timers.shift();
        now = next.at;
        next.fire();
      }
    },
  };
}

export type VirtualClock = ReturnType<typeof createVirtualClock>;
