import {
  CompiledQuery,
  PostgresAdapter,
  PostgresDriver,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type PostgresPool,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';
import { actorSetting } from './actor';

/**
 * The one place the audit actor reaches PostgreSQL: `milepost.actor`, set with
 * `set_config(…, true)` — local to the transaction that writes, never to the connection.
 *
 * Why per transaction: behind a transaction pooler (PgBouncer in transaction mode, most managed
 * pooled endpoints) consecutive transactions of one client connection run on different server
 * connections, and one server connection serves many clients in turn. A session-wide setting
 * (what Milepost did until December 2026: `set_config(…, false)` at checkout) then leaks to
 * whoever gets that server connection next, and the audit trail names the wrong person.
 *
 * Why in the driver rather than at each call site: every write goes through here whether it is
 * written as `db.transaction().execute(…)` or as a lone statement, so no route, activity or query
 * function can forget it, and a new one needs nothing.
 * - A transaction starts with `begin; select set_config('milepost.actor', '<actor>', true)` sent
 *   as one simple-protocol message: the same single round trip a plain `begin` took.
 * - A lone write (insert, update, delete, merge, or raw SQL that says one of those) outside a
 *   transaction, while an actor is known, is wrapped in such a transaction (two more round trips);
 *   without an actor it runs as it is, and the trigger records `system`, as before.
 * Reads never pay anything.
 */
export function auditedDialect(pool: PostgresPool): Dialect {
  return {
    createDriver: () => new AuditedDriver(new PostgresDriver({ pool })),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createAdapter: () => new PostgresAdapter(),
    createIntrospector: (db) => new PostgresIntrospector(db),
  };
}

/** The statement that opens a transaction carrying the current actor; exported for the tests. */
export function beginAsActor(actor = actorSetting()): string {
  return `begin; select set_config('milepost.actor', ${pg.escapeLiteral(actor)}, true)`;
}

const writeNodes = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);
const writingSql = /\b(insert|update|delete|merge)\b/i;

/** Whether a statement may change rows an audit trigger watches; a false "yes" only costs a round trip. */
function mayWrite(query: CompiledQuery): boolean {
  const kind = query.query.kind;
  return writeNodes.has(kind) || (kind === 'RawNode' && writingSql.test(query.sql));
}

/** What kysely's own driver hands out and takes back (its class is not exported). */
type PgConnection = Parameters<PostgresDriver['releaseConnection']>[0];

/** A pooled connection that knows whether it is inside a transaction of ours. */
class AuditedConnection implements DatabaseConnection {
  inTransaction = false;
  constructor(readonly inner: PgConnection) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction || !mayWrite(query)) return this.inner.executeQuery<R>(query);
    const actor = actorSetting();
    if (actor === '') return this.inner.executeQuery<R>(query);
    await this.inner.executeQuery(CompiledQuery.raw(beginAsActor(actor)));
    try {
      const result = await this.inner.executeQuery<R>(query);
      await this.inner.executeQuery(CompiledQuery.raw('commit'));
      return result;
    } catch (error) {
      await this.inner.executeQuery(CompiledQuery.raw('rollback')).catch(() => {});
      throw error;
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class AuditedDriver implements Driver {
  constructor(private readonly inner: PostgresDriver) {}

  init() {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new AuditedConnection((await this.inner.acquireConnection()) as PgConnection);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as AuditedConnection;
    if (settings.isolationLevel || settings.accessMode) {
      await this.inner.beginTransaction(c.inner, settings);
      await c.inner.executeQuery(CompiledQuery.raw(`select set_config('milepost.actor', ${pg.escapeLiteral(actorSetting())}, true)`));
    } else {
      await c.inner.executeQuery(CompiledQuery.raw(beginAsActor()));
    }
    c.inTransaction = true;
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.endTransaction(connection, (inner) => this.inner.commitTransaction(inner));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.endTransaction(connection, (inner) => this.inner.rollbackTransaction(inner));
  }

  private async endTransaction(connection: DatabaseConnection, end: (inner: PgConnection) => Promise<void>): Promise<void> {
    const c = connection as AuditedConnection;
    try {
      await end(c.inner);
    } finally {
      c.inTransaction = false;
    }
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.savepoint((connection as AuditedConnection).inner, name, compile);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.rollbackToSavepoint((connection as AuditedConnection).inner, name, compile);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.releaseSavepoint((connection as AuditedConnection).inner, name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as AuditedConnection).inner);
  }

  destroy() {
    return this.inner.destroy();
  }
}
