import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { beforeAll, expect, inject, it } from 'vitest';
import { historiesDir } from '../support/histories';
import { useDefaultTemporalRuntime } from '../support/temporal-runtime';

// The SDK's runtime, as the other files of this process have it (test/support/temporal-runtime.ts).
beforeAll(useDefaultTemporalRuntime);

/**
 * Workflow code must replay every history it ever wrote: a change that would alter the commands
 * of a running workflow needs `patched()`. Histories are recorded from the integration tests
 * with RECORD_HISTORIES=1 and kept in test/workflows/histories.
 */
it('replays every recorded workflow history with today’s workflow code', async () => {
  const files = (await readdir(historiesDir)).filter((f) => f.endsWith('.json')).sort();
  expect(files.length).toBeGreaterThan(0);
  const histories = await Promise.all(
    files.map(async (file) => ({ workflowId: path.basename(file, '.json'), history: JSON.parse(await readFile(path.join(historiesDir, file), 'utf8')) })),
  );
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle: { code: inject('workflowBundleCode') } }, histories)) {
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  expect(failures).toEqual([]);
});
