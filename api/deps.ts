import type { Client } from '@temporalio/client';
import type { Db } from '../db/connect';
import type { Logger } from '../activities/runtime/logger';
import type { TrustProxy } from './client-address';
import type { PrincipalCache } from './auth/principal-cache';
import type { AddressAllowList } from '../activities/flow/address-guard';
import type { ProjectPages } from './project-pages';
import type { ProjectListPages } from './project-list-pages';

/** What the API needs from the outside world; tests pass the real ones. */
export interface AppDeps {
  db: Db;
  temporal: {
    client: Client;
    taskQueue: string;
    /** How long one request may wait on Temporal in all before it answers 503; default `temporalRequestBudgetMs`. */
    requestBudgetMs?: number | undefined;
  };
  /** Folder of the built web page served at `/`; none = API only. */
  designerDir?: string | undefined;
  /** Which proxies may name the client's address (`TRUST_PROXY`); none = the socket's address. */
  trustProxy?: TrustProxy | undefined;
  /** Where request lines and errors go (`LOG_LEVEL`); default warnings and errors only, on stdout. */
  logger?: Logger | undefined;
  /** `/metrics` for Prometheus (`METRICS`, `METRICS_TOKEN`); default on, without a token. `false` serves no metrics and counts nothing. */
  metrics?: { token?: string | undefined } | false | undefined;
  /**
   * Who is behind a token or session, remembered between requests and forgotten on any change
   * heard from PostgreSQL (api/auth/principal-cache.ts); none = one lookup per request.
   */
  principalCache?: PrincipalCache | undefined;
  /** Project pages kept between reads while the database says they are current (api/project-pages.ts); default one of `defaultCachedProjectPages`. */
  projectPages?: ProjectPages | undefined;
  /** Project list pages kept between reads while the database says nothing they show changed (api/project-list-pages.ts); default one of `defaultCachedListPages`. */
  projectListPages?: ProjectListPages | undefined;
  /** The secret e-mail decision links are signed with (`/decide/{token}`); none = those pages are off. */
  decisionLinks?: { secret: string } | undefined;
  /** MILEPOST_CHANNEL_KEY; none = chat channel secrets are sealed with a key derived from the decision links' secret. */
  channelKey?: string | undefined;
  /** Non-public hosts a chat channel's test message may reach (MILEPOST_WEBHOOK_ALLOW), as the worker's webhooks. */
  webhookAllow?: AddressAllowList | undefined;
}
