import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { beforeAll, expect, inject, it } from 'vitest';
import { sharedWorkflowModules } from '../../../activities/runtime/worker';
import { useDefaultTemporalRuntime } from '../../support/temporal-runtime';
import { domainProbe } from './fixtures/domain-probe-workflow';

const workflowsPath = fileURLToPath(new URL('./fixtures/domain-probe-workflow.ts', import.meta.url));
const silent = { trace: () => {}, debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, log: () => {} };

beforeAll(() => {
  useDefaultTemporalRuntime();
});

it('runs the domain rules inside the Temporal workflow sandbox, with zod shared and frozen as workers load it, with the same results', async () => {
  const address = inject('temporalAddress');
  const taskQueue = `domain-probe-${crypto.randomUUID()}`;
  // Bundled as workers bundle Milepost's workflows: with zod shared by all of them, frozen.
  const workflowBundle = await bundleWorkflowCode({ workflowsPath, preloadModules: sharedWorkflowModules, logger: silent });
  const workerConnection = await NativeConnection.connect({ address });
  const clientConnection = await Connection.connect({ address });
  try {
    const worker = await Worker.create({ connection: workerConnection, taskQueue, workflowBundle });
    const result = await worker.runUntil(
      new Client({ connection: clientConnection }).workflow.execute(domainProbe, {
        taskQueue,
        workflowId: taskQueue,
        args: [],
      }),
    );
    expect(result).toEqual({
      months: [
        '416667', '416667', '416666', '416667', '416667', '416666',
        '416667', '416667', '416666', '416667', '416667', '416666',
      ],
      timeout: '2027-06-08T09:00:00.000Z',
      berlinTimeout: '2027-03-30T15:00:00.000Z',
      warning: '2027-06-07T01:00:00.000Z',
      smart: ['Measurable: the goal has no numeric target', 'Time-bound: the goal has no deadline'],
      csvRows: 1,
      holidays: 2,
      sharedDay: false,
      status: 'red',
      ranks: [1, 1, 3],
    });
  } finally {
    await clientConnection.close();
    await workerConnection.close();
  }
});
