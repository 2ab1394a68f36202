import type { Transaction } from 'kysely';
import type { Db } from './connect';
import type { Database } from './schema';

/** Runs `work` in the caller's transaction when there is one, else in a new one. */
export function withinTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}
