import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../activities/chat/token-bucket';
import { chatRateLimits } from '../../workflows/flow/chat-platforms';

describe('a chat channel’s rate limit', () => {
  it('lets a DingTalk robot send 20 messages at once, then one every three seconds', () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    const perMinute = chatRateLimits.dingtalk.perMinute;
    const waits = Array.from({ length: 21 }, () => buckets.take('robot', perMinute));
    expect(waits.slice(0, 20)).toEqual(Array(20).fill(0));
    expect(waits[20]).toBe(3000);
    now += 3000;
    expect(buckets.take('robot', perMinute)).toBe(0);
    expect(buckets.take('robot', perMinute)).toBe(3000);
  });

  it('counts each channel apart', () => {
    const buckets = new TokenBuckets(() => 0);
    for (let i = 0; i < 20; i++) buckets.take('wecom group a', chatRateLimits.wecom.perMinute);
    expect(buckets.take('wecom group a', chatRateLimits.wecom.perMinute)).toBeGreaterThan(0);
    expect(buckets.take('wecom group b', chatRateLimits.wecom.perMinute)).toBe(0);
  });

  it('gives up waiting when no token comes in time, so the activity retries later', async () => {
    const buckets = new TokenBuckets(() => 0);
    for (let i = 0; i < 20; i++) buckets.take('busy', 20);
    expect(await buckets.acquire('busy', 20, 1000)).toBe(false);
  });
});
