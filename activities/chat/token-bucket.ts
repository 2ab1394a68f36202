/**
 * A token bucket per chat channel, in the worker that sends: a channel holds up to its per-minute
 * allowance and gets tokens back evenly over the minute. Temporal's own activity rate limit
 * (`maxActivitiesPerSecond`) is per worker or task queue, for every activity alike, so it cannot
 * tell one WeCom robot from another; this can. With several workers each has its own buckets, so a
 * deployment running N workers should count on up to N times the rate; the platforms then answer
 * their "too many requests" code, which is retried with backoff like any other passing failure.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds to wait before the channel may send; 0 when a token was taken now. */
  take(key: string, perMinute: number): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: perMinute, at: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + ((now - bucket.at) * perMinute) / 60_000);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) * 60_000) / perMinute);
  }

  /** Waits for a token, at most `maxWaitMs`; false when none comes in time (the caller retries later). */
  async acquire(key: string, perMinute: number, maxWaitMs: number): Promise<boolean> {
    let waited = 0;
    for (;;) {
      const wait = this.take(key, perMinute);
      if (wait === 0) return true;
      if (waited + wait > maxWaitMs) return false;
      await new Promise((resolve) => setTimeout(resolve, wait));
      waited += wait;
    }
  }
}
