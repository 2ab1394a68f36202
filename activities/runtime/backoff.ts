/** How long to keep trying a dependency at start, and how the pauses between tries grow. */
export interface BackoffOptions {
  /** Give up once this much time has passed since the first try. */
  limitMs: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Told before each pause, with what failed. */
  log?: (line: string) => void;
  /** Errors that will not go away by waiting (a wrong password, a bad certificate) stop at once. */
  isPermanent?: (error: unknown) => boolean;
}

export class GaveUpWaiting extends Error {
  override readonly name = 'GaveUpWaiting';
  constructor(
    readonly what: string,
    readonly attempts: number,
    readonly waitedMs: number,
    override readonly cause: unknown,
  ) {
    super(`gave up waiting for ${what} after ${attempts} attempt${attempts === 1 ? '' : 's'} over ${(waitedMs / 1000).toFixed(1)} s: ${causeText(cause)}`);
  }
}

export function causeText(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return causeText(error.errors[0]);
  return error instanceof Error ? error.message || error.name : String(error);
}

/**
 * Tries `attempt` until it succeeds, pausing twice as long after each failure (up to
 * `maxDelayMs`), and gives up with `GaveUpWaiting` once `limitMs` has passed.
 */
export async function withBackoff<T>(what: string, attempt: () => Promise<T>, options: BackoffOptions): Promise<T> {
  const { limitMs, firstDelayMs = 250, maxDelayMs = 5_000, log, isPermanent } = options;
  const started = Date.now();
  let delay = firstDelayMs;
  for (let attempts = 1; ; attempts++) {
    try {
      return await attempt();
    } catch (error) {
      const waited = Date.now() - started;
      if (isPermanent?.(error) || waited + delay > limitMs) throw new GaveUpWaiting(what, attempts, waited, error);
      log?.(`waiting for ${what} (attempt ${attempts} failed: ${causeText(error)}); trying again in ${(delay / 1000).toFixed(1)} s`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }
}
