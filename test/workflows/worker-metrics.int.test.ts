import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../activities/runtime/logger';
import { configureTemporalRuntime, startWorker, type RunningWorker } from '../../activities/runtime/worker';
import { createDb, type Db } from '../../db/connect';
import { eventually } from '../support/http';

/** A port nobody listens on right now, for the runtime's metrics server. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

// The Temporal runtime is installed once per test file's process, so this file installs its own.
let db: Db;
let worker: RunningWorker | undefined;
let metricsAddress: string;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  metricsAddress = `127.0.0.1:${await freePort()}`;
  const log = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
  configureTemporalRuntime('INFO', { log, metricsAddress });
  db = createDb(inject('databaseUrl'));
  worker = await startWorker({
    address: inject('temporalAddress'),
    namespace: 'default',
    db,
    taskQueue: `worker-metrics-${randomUUID()}`,
    workflowBundle: { code: inject('workflowBundleCode') },
  });
});

afterAll(async () => {
  await worker?.stop();
  await db?.destroy();
});

describe('a worker started with WORKER_METRICS_ADDRESS', () => {
  it('serves the Temporal runtime metrics for Prometheus at that address', async () => {
    const text = await eventually(async () => {
      const res = await fetch(`http://${metricsAddress}/metrics`);
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body).toMatch(/^temporal_\w+/m);
      return body;
    });
    expect(text).toContain('temporal_num_pollers');
  });

  it("writes the SDK's own log lines as JSON through the shared logger", async () => {
    await eventually(async () => expect(lines.some((line) => line.temporal === true && typeof line.msg === 'string')).toBe(true));
  });
});
