import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { EmbeddedPostgresUnreachable, refuseWhatPostgresCannotReach } from '../../db/embedded-postgres';
import { closedToOthers } from '../../db/reachable-by-others';

const base = mkdtempSync(path.join(tmpdir(), 'milepost-reach-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

it('finds the first directory on the way that other users cannot pass, as a home directory of mode 0700', () => {
  const home = path.join(base, 'home');
  mkdirSync(path.join(home, 'checkout', '.data'), { recursive: true });
  chmodSync(base, 0o755);
  chmodSync(home, 0o700);
  expect(closedToOthers(path.join(home, 'checkout', '.data', 'pg'))).toEqual({ dir: home, mode: '0700' });
  chmodSync(home, 0o711);
  expect(closedToOthers(path.join(home, 'checkout', '.data', 'pg'))).toBeUndefined();
});

it('refuses to start the embedded PostgreSQL with a sentence saying what to do, when its data directory is out of its reach', () => {
  const home = path.join(base, 'private');
  mkdirSync(home, { recursive: true });
  chmodSync(home, 0o700);
  const start = () => refuseWhatPostgresCannotReach(path.join(home, '.data', 'pg'));
  expect(start).toThrow(EmbeddedPostgresUnreachable);
  expect(start).toThrow(`${home} has mode 0700, closed to other users. Put the checkout (or MILEPOST_DATA_DIR) under a directory others may pass through`);
});
