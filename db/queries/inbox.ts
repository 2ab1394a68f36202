import { sql } from 'kysely';
import type { Db } from '../connect';
import type { InboxItem } from '../schema';
import type { InboxItemKind } from '../../workflows/domain';

/** Idempotent by `dedupeKey`: a retried notification does not put a second item in the inbox. */
export async function insertInboxItemOnce(
  db: Db,
  item: { userId: string; kind: InboxItemKind; payload: Record<string, unknown>; dedupeKey: string },
): Promise<void> {
  await db
    .insertInto('inbox_items')
    .values({ userId: item.userId, kind: item.kind, payload: JSON.stringify(item.payload), dedupeKey: item.dedupeKey })
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .execute();
}

export async function listInbox(db: Db, userId: string, options: { limit: number; unreadOnly: boolean }): Promise<InboxItem[]> {
  let query = db.selectFrom('inbox_items').selectAll().where('userId', '=', userId);
  if (options.unreadOnly) query = query.where('readAt', 'is', null);
  return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

/**
 * Marks one of a person's inbox items read (once; the first time stays). False when that person
 * has no such item.
 */
export async function markInboxItemRead(db: Db, userId: string, itemId: string): Promise<boolean> {
  const item = await db.selectFrom('inbox_items').select('readAt').where('id', '=', itemId).where('userId', '=', userId).executeTakeFirst();
  if (!item) return false;
  if (item.readAt === null) {
    await db.updateTable('inbox_items').set({ readAt: new Date() }).where('id', '=', itemId).where('readAt', 'is', null).execute();
  }
  return true;
}

/** A decided request's inbox items count as read. */
export async function markRequestInboxItemsRead(db: Db, requestId: string, at: Date): Promise<void> {
  await db.updateTable('inbox_items').set({ readAt: at }).where(sql`payload->>'requestId'`, '=', requestId).where('readAt', 'is', null).execute();
}
