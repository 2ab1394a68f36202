/** Injected so activity tests can pin time; the worker passes the system clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
