import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../activities/runtime/free-port';
import { startEmbeddedPostgres } from '../../db/embedded-postgres';
import { eventually } from '../support/http';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the embedded PostgreSQL', () => {
  it('stops at once when PostgreSQL has already shut down on a Ctrl-C that reached the whole process group', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'milepost-pg-stop-'));
    await chmod(dir, 0o755); // as root, PostgreSQL runs as the `postgres` user and must enter it
    const dataDir = path.join(dir, 'pg');
    try {
      const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'stop_test' });
      // What a terminal's Ctrl-C sends every process of the foreground group, PostgreSQL included.
      const pidFile = path.join(dataDir, 'postmaster.pid');
      const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
      process.kill(pid, 'SIGINT');
      await eventually(async () => expect({ running: alive(pid), pidFile: existsSync(pidFile) }).toEqual({ running: false, pidFile: false }));
      // Before, this waited for an exit that had already happened, until the shutdown limit cut it.
      await pg.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
