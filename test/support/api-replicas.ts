import { inject } from 'vitest';
import { createApp, type App } from '../../api/app';
import type { AppDeps } from '../../api/deps';
import { startPrincipalCache, type PrincipalCache } from '../../api/auth/principal-cache';
import { createDb, type Db } from '../../db/connect';
import { countingPlugin } from './statement-count';
import type { TestSystem } from './system';

/** One API replica as a process behind a load balancer would hold it: its own pool, principal cache and kept pages. */
export interface ApiReplica {
  app: App;
  db: Db;
  principals: PrincipalCache;
  /** How many statements its pool has sent so far. */
  statements: { queries: number };
  close(): Promise<void>;
}

/**
 * `scenario` again, `attempts` times at most, until `quiet` holds for what it gave: test files
 * running alongside change the org chart, projects and people all the time, which rightly drops
 * kept pages and principals (a lookup that raced any change is not kept) and makes a read cost more
 * than it would alone. A cache that never keeps, or drops on the wrong change, fails every attempt.
 */
export async function whileOthersWrite<T>(scenario: () => Promise<T>, quiet: (result: T) => boolean, { attempts = 5 } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const result = await scenario();
    if (quiet(result) || attempt >= attempts) return result;
  }
}

/**
 * A replica of the API over the test database, counting the statements it sends; its principal
 * cache keeps entries far longer than any test, so that only a notification makes it forget.
 * `deps(db)` adds or replaces parts built on its own pool (e.g. its kept project pages).
 */
export async function startApiReplica(system: TestSystem, { poolSize = 4, deps }: { poolSize?: number; deps?: (db: Db) => Partial<AppDeps> } = {}): Promise<ApiReplica> {
  const { counter: statements, plugin } = countingPlugin();
  const db = createDb(inject('databaseUrl'), { max: poolSize }).withPlugin(plugin);
  const principals = await startPrincipalCache({ listenUrl: inject('databaseUrl'), ttlMs: 60_000 });
  const temporal = { client: system.client, taskQueue: system.taskQueue };
  const app = createApp({ db, temporal, principalCache: principals, metrics: false, ...deps?.(db) });
  return {
    app,
    db,
    principals,
    statements,
    async close() {
      await principals.close();
      await db.destroy();
    },
  };
}
