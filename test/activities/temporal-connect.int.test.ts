import { beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../activities/runtime/free-port';
import { connectTemporalClient, connectTemporalWorker } from '../../activities/runtime/temporal-connect';
import { parseTemporalSettings } from '../../activities/runtime/temporal-settings';
import { useDefaultTemporalRuntime } from '../support/temporal-runtime';

const plain = parseTemporalSettings({});

// The SDK's runtime, as the other files of this process have it (test/support/temporal-runtime.ts).
beforeAll(useDefaultTemporalRuntime);

describe('Connecting to Temporal at start', () => {
  it('reaches the cluster with the client and the worker connection alike', async () => {
    const client = await connectTemporalClient(inject('temporalAddress'), plain, { limitMs: 5_000 });
    await client.close();
    const worker = await connectTemporalWorker(inject('temporalAddress'), plain, { limitMs: 5_000 });
    await worker.close();
  });

  it.each([
    ['client', connectTemporalClient],
    ['worker', connectTemporalWorker],
  ] as const)('gives up on a wrong address within its limit, with a message naming the address and what was tried (%s)', async (_, connect) => {
    const address = `127.0.0.1:${await freePort()}`;
    const waits: string[] = [];
    const started = Date.now();
    const failure = await connect(address, plain, { limitMs: 1_500, log: (line) => waits.push(line) }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(
      new RegExp(`^Could not connect to Temporal at ${address.replace(/\./g, '\\.')} \\(tried namespace default, plain gRPC without TLS\\); gave up waiting for Temporal at .+ after \\d+ attempts? over [\\d.]+ s: .+Check TEMPORAL_ADDRESS`),
    );
    expect(waits[0]).toMatch(new RegExp(`^waiting for Temporal at ${address.replace(/\./g, '\\.')} \\(attempt 1 failed`));
  });

  it('stops at once, without waiting out the limit, for a namespace the cluster does not know', async () => {
    const started = Date.now();
    await expect(connectTemporalClient(inject('temporalAddress'), parseTemporalSettings({ TEMPORAL_NAMESPACE: 'no-such-namespace' }), { limitMs: 30_000 })).rejects.toThrow(
      /Could not connect to Temporal at .+ \(tried namespace no-such-namespace, .+after 1 attempt over/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
