import path from 'node:path';
import { z } from 'zod';
import { AllowListError, parseAddressAllowList } from '../activities/flow/address-guard';
import { logLevels } from '../activities/runtime/logger';
import { defaultWorkerSizing, type WorkerSizing } from '../activities/runtime/worker-sizing';
import { TemporalSettingsError, parseTemporalSettings, type TemporalAccess } from '../activities/runtime/temporal-settings';
import { TASK_QUEUE } from '../workflows/task-queue';
import { TrustProxyError, parseTrustProxy } from './client-address';
import { defaultCachedProjectPages } from './project-pages';
import { defaultCachedListPages } from './project-list-pages';

/** What one process runs: the HTTP API, the Temporal worker, or everything with embedded parts (`npm start`). */
export const roles = ['api', 'worker', 'all'] as const;
export type Role = (typeof roles)[number];

/** An optional setting read by `parse`, whose `Refusal` becomes the setting's message. */
const parsedSetting = <T>(parse: (text: string | undefined) => T, Refusal: new (message: string) => Error) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      try {
        return parse(text);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message });
        return z.NEVER;
      }
    });

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The address the HTTP server listens on: this machine only unless set (0.0.0.0 or :: for every interface). */
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  MILEPOST_DATA_DIR: z.string().min(1).default('.milepost'),
  DATABASE_URL: z.url().optional(),
  /** The role that owns the schema and runs migrations; DATABASE_URL's role then only reads and writes rows. */
  MIGRATION_DATABASE_URL: z.url().optional(),
  /**
   * Where the API listens for sign-in changes (revocations, sign-outs, role changes) so replicas
   * can cache who is behind a token: a direct or session-mode connection, never a transaction
   * pooler (LISTEN needs a session). Default: the database the application connects to.
   */
  DATABASE_LISTEN_URL: z.url().optional(),
  /** How long a replica may serve a token's or session's principal from memory at most, as a safety net (0 = no cache). */
  AUTH_CACHE_TTL_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
  /** How many project pages a replica keeps between reads (api/project-pages.ts), about 10 KB each; each read still asks whether the page changed. */
  API_PROJECT_PAGES: z.coerce.number().int().min(1).max(1_000_000).default(defaultCachedProjectPages),
  /** How many pages of the project list a replica keeps between reads (api/project-list-pages.ts); each read still asks whether anything changed. */
  API_PROJECT_LIST_PAGES: z.coerce.number().int().min(1).max(1_000_000).default(defaultCachedListPages),
  MILEPOST_PG_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
  TEMPORAL_ADDRESS: z.string().min(1).optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** TLS to Temporal: on by itself when a TLS setting or an API key is given. */
  TEMPORAL_TLS: z.enum(['on', 'off']).optional(),
  /** PEM files (or the PEM text itself): the CA that signed the server's certificate, and the client certificate and key for mTLS. */
  TEMPORAL_TLS_CA: z.string().optional(),
  TEMPORAL_TLS_CERT: z.string().optional(),
  TEMPORAL_TLS_KEY: z.string().optional(),
  /** The name the server's certificate is checked against, when it differs from TEMPORAL_ADDRESS's host. */
  TEMPORAL_TLS_SERVER_NAME: z.string().optional(),
  /** A Temporal Cloud API key (sent over TLS as a bearer token). */
  TEMPORAL_API_KEY: z.string().optional(),
  /** The task queue workers poll and the API starts workflows on; one per deployment sharing a namespace. */
  MILEPOST_TASK_QUEUE: z.string().trim().min(1).default(TASK_QUEUE),
  /** Which part this process runs (the first command-line argument wins): api, worker or all. */
  MILEPOST_ROLE: z.enum(roles).default('all'),
  /** How long the start waits for PostgreSQL and Temporal to answer before it gives up. */
  MILEPOST_STARTUP_WAIT_SECONDS: z.coerce.number().min(0).max(3600).default(60),
  /** How long a stop (SIGTERM, SIGINT) may take to drain requests and let the worker finish its tasks. */
  MILEPOST_SHUTDOWN_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  /**
   * Connections this process keeps to PostgreSQL. Size it per role: an api process needs about as
   * many as requests it serves at once, a worker as many as WORKER_ACTIVITY_TASKS.
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  TEMPORAL_CLI_PATH: z.string().min(1).optional(),
  TEMPORAL_PORT: z.coerce.number().int().min(1).max(65535).default(7233),
  TEMPORAL_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8233),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default('Milepost <milepost@localhost>'),
  /** Signs e-mail decision links. Without it the embedded setup keeps a generated one in the data dir. */
  MILEPOST_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)').optional(),
  /** Seals chat channel addresses and secrets (32 bytes, base64); without it the key is derived from MILEPOST_SECRET or the generated secret. */
  MILEPOST_CHANNEL_KEY: z
    .string()
    .refine((text) => Buffer.from(text, 'base64').length === 32, 'must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)')
    .optional(),
  /** Where people reach Milepost; decision links in e-mails point there. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) address such as https://milepost.example.com' }).optional(),
  /** Non-public hosts and networks (comma-separated names, addresses, CIDRs) webhook steps may reach. */
  MILEPOST_WEBHOOK_ALLOW: parsedSetting(parseAddressAllowList, AllowListError),
  /** Which proxies in front may name the client's address in X-Forwarded-For: none, a hop count, or their addresses and CIDRs. */
  TRUST_PROXY: parsedSetting(parseTrustProxy, TrustProxyError),
  /** How much the JSON log on stdout says: one line per request at `info`. */
  LOG_LEVEL: z.enum(logLevels).default('info'),
  /** Whether the API serves `/metrics` for Prometheus. */
  METRICS: z.enum(['on', 'off']).default('on'),
  /** When set, `/metrics` answers only `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (e.g. `openssl rand -hex 24`)').optional(),
  /** `host:port` where the worker's Temporal runtime serves Prometheus metrics (task latency, schedule-to-start, sticky cache); off unless set. */
  WORKER_METRICS_ADDRESS: z
    .string()
    .trim()
    .regex(/^(\[[0-9a-fA-F:.]+\]|[\w.-]+):\d{1,5}$/, 'must be host:port, e.g. 0.0.0.0:9464 or 127.0.0.1:9464')
    .optional(),
  /** Workflows the worker keeps in memory (README, "Worker sizing"): its memory is bounded by this, not by the live projects. */
  WORKER_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(defaultWorkerSizing.maxCachedWorkflows),
  /** Workflow tasks the worker runs at once (at most WORKER_CACHED_WORKFLOWS). */
  WORKER_WORKFLOW_TASKS: z.coerce.number().int().min(2).default(defaultWorkerSizing.maxConcurrentWorkflowTaskExecutions),
  /** Activities the worker runs at once. */
  WORKER_ACTIVITY_TASKS: z.coerce.number().int().min(1).default(defaultWorkerSizing.maxConcurrentActivityTaskExecutions),
  /** Milliseconds a workflow task waits for the worker that has the workflow cached before another one takes it. */
  WORKER_STICKY_TIMEOUT_MS: z.coerce.number().int().min(1000).default(defaultWorkerSizing.stickyQueueScheduleToStartTimeoutMs),
});

export type Config = z.infer<typeof Env> & { dataDir: string; publicUrl: string; temporalAccess: TemporalAccess; workerSizing: WorkerSizing };

/** Reads and validates the environment once, at start; a bad value stops the start with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.refine((e) => !e.MIGRATION_DATABASE_URL || e.DATABASE_URL, {
    path: ['MIGRATION_DATABASE_URL'],
    message: 'needs DATABASE_URL too: the role the application connects as, which it grants rights to',
  })
    .superRefine((e, ctx) => {
      if (e.MILEPOST_ROLE === 'all') return;
      const missing = { DATABASE_URL: 'your PostgreSQL', TEMPORAL_ADDRESS: 'your Temporal cluster (host:port)' };
      for (const [name, what] of Object.entries(missing)) {
        if (!e[name as keyof typeof missing]) ctx.addIssue({ code: 'custom', path: [name], message: `required in the ${e.MILEPOST_ROLE} role, which starts nothing embedded: set it to ${what}` });
      }
    })
    .transform((e, ctx) => {
      try {
        return { ...e, temporalAccess: parseTemporalSettings(e) };
      } catch (error) {
        if (!(error instanceof TemporalSettingsError)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message });
        return z.NEVER;
      }
    })
    .safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return {
    ...parsed.data,
    dataDir: path.resolve(parsed.data.MILEPOST_DATA_DIR),
    publicUrl: (parsed.data.PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/+$/, ''),
    workerSizing: {
      maxCachedWorkflows: parsed.data.WORKER_CACHED_WORKFLOWS,
      maxConcurrentWorkflowTaskExecutions: parsed.data.WORKER_WORKFLOW_TASKS,
      maxConcurrentActivityTaskExecutions: parsed.data.WORKER_ACTIVITY_TASKS,
      stickyQueueScheduleToStartTimeoutMs: parsed.data.WORKER_STICKY_TIMEOUT_MS,
    },
  };
}
