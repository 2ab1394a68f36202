import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, inject } from 'vitest';
import { parseAddressAllowList } from '../../activities/flow/address-guard';
import type { Clock } from '../../activities/clock';
import type { Mail, Mailer } from '../../activities/flow/mailer';
import { startWorker, type RunningWorker } from '../../activities/runtime/worker';
import { useDefaultTemporalRuntime } from './temporal-runtime';
import { createApp, type App } from '../../api/app';
import { createDb, type Db } from '../../db/connect';

/** The fixed secret tests sign and verify e-mail decision links with, and where the links point. */
export const testDecisionLinks = { secret: 'test-secret-for-decision-links-0123456789', publicUrl: 'http://milepost.test' };

/** A mailer that keeps what it would send, standing in for the SMTP server (not for the database or engine). */
export function capturingMailer(): Mailer & { sent: Mail[] } {
  const sent: Mail[] = [];
  return {
    sent,
    async send(mail) {
      sent.push(mail);
    },
  };
}

export interface TestSystem {
  db: Db;
  client: Client;
  app: App;
  taskQueue: string;
  /** (Re)starts this file's worker, e.g. after `stopWorker` to simulate a restart. */
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
}

/**
 * The real system for one test file: database pool, Temporal client, the API app (called with
 * `app.request`, no port) and a worker on a task queue of the file's own.
 */
export function useSystem(
  options: {
    worker?: boolean;
    /** The worker's mailer, or a function giving it when the worker starts (e.g. once a test SMTP server listens). */
    mailer?: Mailer | (() => Mailer);
    /** MILEPOST_WEBHOOK_ALLOW for this file's worker; none by default, so webhooks reach public addresses only. */
    webhookAllow?: string;
    /** The activities' clock (default the system's), for tests that place "now" elsewhere. */
    clock?: Clock;
    /** A database of the file's own (test/support/own-databases.ts) instead of the suite's; whoever made it closes it. */
    database?: () => Promise<Db>;
  } = {},
): TestSystem {
  const taskQueue = `milepost-test-${randomUUID()}`;
  let connection: Connection | undefined;
  let worker: RunningWorker | undefined;
  const system = { taskQueue } as TestSystem;

  system.startWorker = async () => {
    worker = await startWorker({
      address: inject('temporalAddress'),
      namespace: 'default',
      db: system.db,
      taskQueue,
      mailer: typeof options.mailer === 'function' ? options.mailer() : options.mailer,
      decisionLinks: testDecisionLinks,
      webhookAllow: parseAddressAllowList(options.webhookAllow),
      workflowBundle: { code: inject('workflowBundleCode') },
      ...(options.clock ? { clock: options.clock } : {}),
    });
  };
  system.stopWorker = async () => {
    await worker?.stop();
    worker = undefined;
  };

  beforeAll(async () => {
    useDefaultTemporalRuntime();
    system.db = options.database ? await options.database() : createDb(inject('databaseUrl'));
    connection = await Connection.connect({ address: inject('temporalAddress') });
    system.client = new Client({ connection, namespace: 'default' });
    system.app = createApp({ db: system.db, temporal: { client: system.client, taskQueue }, decisionLinks: testDecisionLinks, webhookAllow: parseAddressAllowList(options.webhookAllow) });
    if (options.worker ?? true) await system.startWorker();
  });

  afterAll(async () => {
    await system.stopWorker();
    await connection?.close();
    if (!options.database) await system.db?.destroy();
  });

  return system;
}
