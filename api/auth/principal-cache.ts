import pg from 'pg';
import { authChangesChannel } from '../../db/migrations/20261207T0100-auth-changes-notify';
import type { Principal } from './principal';

/**
 * Who is behind a token or session, remembered in this process for a few seconds so that most
 * requests authenticate without touching PostgreSQL.
 *
 * How it stays correct across replicas: triggers on users, api_tokens and sessions
 * (db/migrations/20261207T0100-auth-changes-notify.ts) `pg_notify` the person's id from the very
 * transaction that revokes a token (its children too), ends a session, changes a role or
 * deactivates someone. PostgreSQL delivers it at commit to every replica's listening connection,
 * and each replica forgets everything it holds for that person. Beside that:
 * - a lookup that raced a change is not stored: `ticket()` before the query, and `remember` drops
 *   the result if any change (or a reconnect) was heard meanwhile;
 * - while the listening connection is down nothing is served or stored (the cache cannot know
 *   what it missed), and everything is forgotten when it comes back;
 * - every entry lives at most `ttlMs` (and never past its token's or session's expiry), a safety
 *   net for a notification lost in a way the connection did not notice;
 * - the replica that made a change also calls `forget` right after its commit, so its own next
 *   request never waits for the notification to come round.
 * LISTEN needs a session of its own: behind a transaction pooler, `listenUrl` must reach
 * PostgreSQL directly (or a session-mode pool), see DATABASE_LISTEN_URL.
 */
export interface PrincipalCache {
  /** The principal remembered under `key`, while it is fresh and changes are being heard. */
  get(key: string): Principal | undefined;
  /** Taken before looking a principal up in the database, and handed to `remember`. */
  ticket(): number;
  /** Keeps `principal` under `key`, unless something changed since `ticket` was taken. */
  remember(key: string, principal: Principal, ticket: number): void;
  /** Forgets every principal of a person (this replica's own change, committed just now). */
  forget(userId: string): void;
  /** Whether changes are being heard right now (otherwise nothing is served). */
  readonly listening: boolean;
  close(): Promise<void>;
}

export interface PrincipalCacheOptions {
  /** A connection string that reaches PostgreSQL with a session of its own (not a transaction pooler). */
  listenUrl: string;
  /** How long an entry may be served at most; default `defaultPrincipalTtlMs`. */
  ttlMs?: number | undefined;
  /** How many principals are kept at most; the oldest go first. */
  maxEntries?: number | undefined;
  /** Where a lost or restored listening connection is reported. */
  log?: ((line: string) => void) | undefined;
}

/** Short enough that a lost notification does little harm, long enough that a busy client rarely misses. */
export const defaultPrincipalTtlMs = 10_000;

const reconnectDelaysMs = [100, 250, 500, 1_000, 2_000, 5_000];

export async function startPrincipalCache({ listenUrl, ttlMs = defaultPrincipalTtlMs, maxEntries = 10_000, log = () => {} }: PrincipalCacheOptions): Promise<PrincipalCache> {
  const entries = new Map<string, { principal: Principal; until: number }>();
  const keysOf = new Map<string, Set<string>>();
  let generation = 0;
  let listener: pg.Client | undefined;
  /** True only while LISTEN is in place on a live connection. */
  let hearing = false;
  let closed = false;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;

  const forgetAll = () => {
    generation += 1;
    entries.clear();
    keysOf.clear();
  };
  const forget = (userId: string) => {
    generation += 1;
    for (const key of keysOf.get(userId) ?? []) entries.delete(key);
    keysOf.delete(userId);
  };
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    keysOf.get(entry.principal.userId)?.delete(key);
  };

  const lost = (client: pg.Client, why: string) => {
    if (listener !== client) return;
    listener = undefined;
    hearing = false;
    forgetAll();
    client.removeAllListeners('notification');
    void client.end().catch(() => {});
    if (closed) return;
    const delay = reconnectDelaysMs[Math.min(failures, reconnectDelaysMs.length - 1)]!;
    failures += 1;
    log(`auth cache: not hearing changes (${why}); serving none from cache, reconnecting in ${delay} ms`);
    retry = setTimeout(() => void listen(), delay);
    retry.unref();
  };

  async function listen(): Promise<void> {
    const client = new pg.Client({ connectionString: listenUrl, keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel === authChangesChannel && message.payload) forget(message.payload);
    });
    client.on('error', (error) => lost(client, error.message));
    client.on('end', () => lost(client, 'connection ended'));
    listener = client;
    try {
      await client.connect();
      await client.query(`listen ${authChangesChannel}`);
    } catch (error) {
      lost(client, error instanceof Error ? error.message : String(error));
      return;
    }
    if (listener !== client) return;
    // Whatever was stored before now may have missed a change: start clean.
    forgetAll();
    hearing = true;
    if (failures > 0) log('auth cache: hearing changes again');
    failures = 0;
  }

  await listen();

  return {
    get(key) {
      if (!hearing) return undefined;
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.until <= Date.now()) {
        drop(key);
        return undefined;
      }
      return entry.principal;
    },
    ticket: () => generation,
    remember(key, principal, ticket) {
      if (ticket !== generation || !hearing) return;
      const until = Math.min(Date.now() + ttlMs, principal.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY);
      drop(key);
      if (entries.size >= maxEntries) drop(entries.keys().next().value!);
      entries.set(key, { principal, until });
      let keys = keysOf.get(principal.userId);
      if (!keys) keysOf.set(principal.userId, (keys = new Set()));
      keys.add(key);
    },
    forget,
    get listening() {
      return hearing;
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const client = listener;
      listener = undefined;
      hearing = false;
      forgetAll();
      await client?.end().catch(() => {});
    },
  };
}
