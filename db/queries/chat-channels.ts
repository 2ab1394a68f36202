import { sql } from 'kysely';
import type { Db } from '../connect';
import { byName } from './name-order';
import type { ChatChannel, ChatDelivery, ChatDeliveryAttempt } from '../schema';
import type { ChatMessage, ChatPlatform } from '../../workflows/flow/chat-platforms';

export async function listChatChannels(db: Db): Promise<ChatChannel[]> {
  return db.selectFrom('chat_channels').selectAll().orderBy(byName('name')).execute();
}

export async function findChatChannel(db: Db, id: string): Promise<ChatChannel | undefined> {
  return db.selectFrom('chat_channels').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findChatChannelByName(db: Db, name: string): Promise<ChatChannel | undefined> {
  return db.selectFrom('chat_channels').selectAll().where('name', '=', name).executeTakeFirst();
}

/** The channel with its sealed address and secret, for sending. */
export async function findSealedChatChannel(db: Db, id: string) {
  return db
    .selectFrom('chat_channels as c')
    .innerJoin('chat_channel_secrets as s', 's.channelId', 'c.id')
    .select(['c.id', 'c.name', 'c.platform', 's.webhookUrlSealed', 's.secretSealed'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/** A new channel and its sealed secrets, in one transaction (the audit row is the channel's). */
export async function insertChatChannel(db: Db, channel: { name: string; platform: ChatPlatform; webhookUrlSealed: string; secretSealed: string | null }): Promise<ChatChannel> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('chat_channels')
      .values({ name: channel.name, platform: channel.platform, hasSecret: channel.secretSealed !== null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.insertInto('chat_channel_secrets').values({ channelId: row.id, webhookUrlSealed: channel.webhookUrlSealed, secretSealed: channel.secretSealed }).execute();
    return row;
  });
}

/**
 * Changes what is given: a name, a new address, a new secret (null removes it). A changed address
 * or secret moves `secretsChangedAt`, so the audit trail says when without holding either.
 */
export async function updateChatChannel(
  db: Db,
  id: string,
  change: { name?: string | undefined; webhookUrlSealed?: string | undefined; secretSealed?: string | null | undefined },
): Promise<ChatChannel | undefined> {
  return db.transaction().execute(async (trx) => {
    const secretsChange = {
      ...(change.webhookUrlSealed === undefined ? {} : { webhookUrlSealed: change.webhookUrlSealed }),
      ...(change.secretSealed === undefined ? {} : { secretSealed: change.secretSealed }),
    };
    const touched = Object.keys(secretsChange).length > 0;
    const row = await trx
      .updateTable('chat_channels')
      .set({
        updatedAt: new Date(),
        ...(change.name === undefined ? {} : { name: change.name }),
        ...(change.secretSealed === undefined ? {} : { hasSecret: change.secretSealed !== null }),
        ...(touched ? { secretsChangedAt: new Date() } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (row && touched) await trx.updateTable('chat_channel_secrets').set(secretsChange).where('channelId', '=', id).execute();
    return row;
  });
}

export async function deleteChatChannel(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('chat_channels').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The chat channel each person chose for themselves, for those who chose one. */
export async function personalChatChannels(db: Db, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'chatChannelId']).where('id', 'in', userIds).where('chatChannelId', 'is not', null).execute();
  return new Map(rows.map((row) => [row.id, row.chatChannelId!]));
}

export async function setPersonalChatChannel(db: Db, userId: string, channelId: string | null): Promise<boolean> {
  const result = await db.updateTable('users').set({ chatChannelId: channelId }).where('id', '=', userId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A message waiting for its channel, written once per dedupe key (retries of the step find it). */
export async function queueChatDeliveryOnce(
  db: Db,
  delivery: { dedupeKey: string; channelId: string; flowRunId: string | null; stepKey: string; recipientId: string | null; message: ChatMessage },
): Promise<void> {
  await db
    .insertInto('chat_deliveries')
    .values({ ...delivery, message: JSON.stringify(delivery.message) })
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .execute();
}

/** A step's chat messages, oldest first. */
export async function listStepChatDeliveries(db: Db, flowRunId: string, stepKey: string): Promise<ChatDelivery[]> {
  return db.selectFrom('chat_deliveries').selectAll().where('flowRunId', '=', flowRunId).where('stepKey', '=', stepKey).orderBy('createdAt').orderBy('id').execute();
}

/** Whether the step queued any chat message at all: if not, there is nothing to send. */
export async function stepQueuedChat(db: Db, flowRunId: string, stepKey: string): Promise<boolean> {
  const row = await db.selectFrom('chat_deliveries').select('id').where('flowRunId', '=', flowRunId).where('stepKey', '=', stepKey).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Adds one attempt to the delivery's record and sets its status. */
export async function recordChatAttempt(db: Db, id: string, attempt: ChatDeliveryAttempt, status: 'pending' | 'delivered' | 'failed'): Promise<void> {
  await db
    .updateTable('chat_deliveries')
    .set({
      status,
      attempts: sql<string>`attempts || ${JSON.stringify([attempt])}::jsonb`,
      ...(status === 'delivered' ? { deliveredAt: new Date(attempt.at) } : {}),
    })
    .where('id', '=', id)
    .execute();
}
