import { describe, expect, inject, it } from 'vitest';
import { freePort } from '../../activities/runtime/free-port';
import { waitForDatabase } from '../../server/database-ready';

describe('Waiting for PostgreSQL at start', () => {
  it('resolves at once when the database answers', async () => {
    const lines: string[] = [];
    await waitForDatabase(inject('databaseUrl'), 'DATABASE_URL', { limitMs: 5_000, log: (line) => lines.push(line) });
    expect(lines).toEqual([]);
  });

  it('logs each wait and gives up after its limit, naming the server (without its password) and the setting', async () => {
    const port = await freePort();
    const lines: string[] = [];
    const started = Date.now();
    const failure = await waitForDatabase(`postgres://app:hunter2@127.0.0.1:${port}/milepost`, 'DATABASE_URL', { limitMs: 1_500, log: (line) => lines.push(line) }).catch((error: unknown) => error);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((failure as Error).message).toMatch(
      new RegExp(`^Could not connect to PostgreSQL at 127\\.0\\.0\\.1:${port}/milepost \\(DATABASE_URL\\); gave up waiting .+ after \\d+ attempts over .+ECONNREFUSED.+Check DATABASE_URL`),
    );
    expect((failure as Error).message).not.toContain('hunter2');
    expect(lines[0]).toMatch(new RegExp(`^waiting for PostgreSQL at 127\\.0\\.0\\.1:${port}/milepost \\(attempt 1 failed: .*ECONNREFUSED`));
  });

  it('stops at the first attempt when the server refuses the password: waiting would not help', async () => {
    const url = new URL(inject('databaseUrl'));
    url.password = 'not-the-password';
    const started = Date.now();
    await expect(waitForDatabase(url.href, 'DATABASE_URL', { limitMs: 30_000 })).rejects.toThrow(/after 1 attempt over .*password authentication failed/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
