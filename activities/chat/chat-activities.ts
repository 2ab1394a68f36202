import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Db } from '../../db/connect';
import { findSealedChatChannel, listStepChatDeliveries, recordChatAttempt, stepQueuedChat } from '../../db/queries/chat-channels';
import type { ChatDeliveryAttempt } from '../../db/schema';
import { chatPlatformLabels, chatRateLimits, type ChatMessage, type ChatPlatform } from '../../workflows/flow/chat-platforms';
import type { Clock } from '../clock';
import { AddressRefusedError, type AddressGuard } from '../flow/address-guard';
import { sendWebhook, WebhookRequestError } from '../flow/webhook-call';
import { chatRequest, platformRefusal } from './platform-requests';
import { open, SealedSecretError, type ChannelKey } from './secret-box';
import { TokenBuckets } from './token-bucket';

/** Header naming the delivery, the same on every attempt: a receiver that keeps it can drop repeats. */
export const idempotencyHeader = 'Idempotency-Key';

export interface ChatDeliveryReport {
  channel: string;
  platform: ChatPlatform;
  status: 'pending' | 'delivered' | 'failed';
  attempts: ChatDeliveryAttempt[];
}

/** The receiver refused for good (4xx, bad address, unreadable secret): retrying cannot help. */
export class ChatRefusedError extends Error {
  override readonly name = 'ChatRefusedError';
}

/** A passing failure (5xx, no answer, the platform's error code): the activity's retry policy applies. */
export class ChatUnavailableError extends Error {
  override readonly name = 'ChatUnavailableError';
}

/**
 * Sends one message to a channel and answers what happened; throws ChatRefusedError or
 * ChatUnavailableError. The admin's "send a test message" uses it too.
 */
export async function sendChatMessage(
  deps: { db: Db; key: ChannelKey; guard: AddressGuard; buckets: TokenBuckets; now: Date },
  channelId: string,
  message: ChatMessage,
  idempotencyKey: string,
): Promise<{ channel: string; platform: ChatPlatform }> {
  const channel = await findSealedChatChannel(deps.db, channelId);
  if (!channel) throw new ChatRefusedError('The chat channel was removed.');
  let target;
  try {
    target = { platform: channel.platform, webhookUrl: open(deps.key, channel.webhookUrlSealed), secret: channel.secretSealed === null ? null : open(deps.key, channel.secretSealed) };
  } catch (error) {
    if (error instanceof SealedSecretError) throw new ChatRefusedError(error.message);
    throw error;
  }
  if (!(await deps.buckets.acquire(channel.id, chatRateLimits[channel.platform].perMinute, 20_000))) {
    throw new ChatUnavailableError(`${chatPlatformLabels[channel.platform]} "${channel.name}" is at its rate limit of ${chatRateLimits[channel.platform].perMinute} a minute; sent later.`);
  }
  const request = chatRequest(target, message, deps.now);
  const { origin, pathname } = new URL(request.url);
  let answer;
  try {
    answer = await sendWebhook(deps.guard, {
      url: request.url,
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', [idempotencyHeader]: idempotencyKey },
      body: Buffer.from(JSON.stringify(request.body)),
      timeoutMs: 15_000,
    });
  } catch (error) {
    if (error instanceof AddressRefusedError || error instanceof WebhookRequestError) throw new ChatRefusedError(error.message);
    // Without the query: it may carry the robot's token.
    throw new ChatUnavailableError((error as Error).message.replace(request.url, `${origin}${pathname}`));
  }
  if (answer.status >= 500 || answer.status === 429) throw new ChatUnavailableError(`${origin}${pathname} answered ${answer.status}`);
  if (answer.status < 200 || answer.status > 299) throw new ChatRefusedError(`${origin}${pathname} answered ${answer.status}; not retried`);
  const refusal = platformRefusal(channel.platform, answer.body);
  if (refusal) throw new ChatUnavailableError(refusal);
  return { channel: channel.name, platform: channel.platform };
}

/**
 * The chat messages of one flow step. Each is sent only while it is not yet accepted, so when a
 * receiver fails twice and then accepts, it has the message once; every attempt is kept on the
 * delivery's row and answered, for the run's path. A passing failure throws (the retry policy of
 * the caller applies), a refusal does not: it is recorded and answered.
 */
export function createChatActivities({ db, clock, key, guard }: { db: Db; clock: Clock; key: ChannelKey | undefined; guard: AddressGuard }) {
  const buckets = new TokenBuckets();
  return {
    /** Whether the step queued chat messages; asked inside the workflow task, so a step with none schedules no deliverChat. */
    async chatQueued(input: { runId: string; stepKey: string }): Promise<boolean> {
      return stepQueuedChat(db, input.runId, input.stepKey);
    },

    async deliverChat(input: { runId: string; stepKey: string }): Promise<ChatDeliveryReport[]> {
      const deliveries = await listStepChatDeliveries(db, input.runId, input.stepKey);
      if (deliveries.length === 0) return [];
      if (!key) throw ApplicationFailure.create({ type: 'ChatNotConfigured', message: 'Chat channels need the server secret (MILEPOST_SECRET) or MILEPOST_CHANNEL_KEY.', nonRetryable: true });
      const attempt = Context.current().info.attempt;
      const reports: ChatDeliveryReport[] = [];
      let passing: Error | undefined;
      for (const delivery of deliveries) {
        const row = await findSealedChatChannel(db, delivery.channelId);
        const channel = row?.name ?? '(removed)';
        const platform = row?.platform ?? 'slack';
        if (delivery.status !== 'pending') {
          reports.push({ channel, platform, status: delivery.status, attempts: delivery.attempts });
          continue;
        }
        const at = clock.now();
        let outcome: ChatDeliveryAttempt;
        let status: 'pending' | 'delivered' | 'failed';
        try {
          await sendChatMessage({ db, key, guard, buckets, now: at }, delivery.channelId, delivery.message, delivery.id);
          outcome = { attempt, at: at.toISOString(), outcome: 'delivered', detail: 'accepted' };
          status = 'delivered';
        } catch (error) {
          if (!(error instanceof ChatRefusedError) && !(error instanceof ChatUnavailableError)) throw error;
          outcome = { attempt, at: at.toISOString(), outcome: 'failed', detail: error.message };
          status = error instanceof ChatRefusedError ? 'failed' : 'pending';
          if (error instanceof ChatUnavailableError) passing ??= error;
        }
        await recordChatAttempt(db, delivery.id, outcome, status);
        reports.push({ channel, platform, status, attempts: [...delivery.attempts, outcome] });
      }
      // Another attempt sends only what is still pending; what was accepted is not sent again.
      if (passing) throw new ChatUnavailableError(`${passing.message} (attempt ${attempt})`);
      return reports;
    },
  };
}
