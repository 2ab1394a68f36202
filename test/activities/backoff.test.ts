import { describe, expect, it } from 'vitest';
import { GaveUpWaiting, withBackoff } from '../../activities/runtime/backoff';

describe('Waiting for a dependency at start', () => {
  it('tries again with doubling pauses, saying what it waits for, until the dependency answers', async () => {
    const lines: string[] = [];
    let calls = 0;
    const answer = await withBackoff('the database', async () => (++calls < 3 ? Promise.reject(new Error('ECONNREFUSED')) : 'up'), { limitMs: 5_000, firstDelayMs: 10, log: (line) => lines.push(line) });
    expect(answer).toBe('up');
    expect(lines).toEqual([
      'waiting for the database (attempt 1 failed: ECONNREFUSED); trying again in 0.0 s',
      'waiting for the database (attempt 2 failed: ECONNREFUSED); trying again in 0.0 s',
    ]);
  });

  it('gives up once the next pause would pass the limit, naming what it waited for and the last failure', async () => {
    const started = Date.now();
    const failure = await withBackoff('Temporal at nowhere:7233', () => Promise.reject(new Error('refused')), { limitMs: 200, firstDelayMs: 20, maxDelayMs: 40 }).catch((error: unknown) => error);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(failure).toBeInstanceOf(GaveUpWaiting);
    expect((failure as GaveUpWaiting).message).toMatch(/^gave up waiting for Temporal at nowhere:7233 after \d+ attempts over 0\.\d s: refused$/);
    expect((failure as GaveUpWaiting).attempts).toBeGreaterThan(2);
  });

  it('stops at the first failure that waiting cannot cure', async () => {
    let calls = 0;
    const failure = await withBackoff('the database', () => Promise.reject(new Error(`wrong password ${++calls}`)), { limitMs: 10_000, isPermanent: () => true }).catch((error: unknown) => error);
    expect((failure as GaveUpWaiting).message).toBe('gave up waiting for the database after 1 attempt over 0.0 s: wrong password 1');
  });
});
