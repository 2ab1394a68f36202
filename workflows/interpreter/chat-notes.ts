import type { ChatDeliveryReport } from '../../activities/chat/chat-activities';
import type { RunScope } from './run-scope';

/** `chat "Sales" (wecom): attempt 1 failed (… answered 500); attempt 3 delivered` — one line per message. */
export function chatNote(report: ChatDeliveryReport): string {
  const attempts = report.attempts.map((a) => `attempt ${a.attempt} ${a.outcome === 'delivered' ? 'delivered' : `failed (${a.detail})`}`);
  return `chat "${report.channel}" (${report.platform}): ${attempts.join('; ') || report.status}`;
}

/**
 * Sends the chat messages the step at `stepKey` queued and notes on the run's path how each went,
 * attempts that failed included; when retries are spent the path says so (the inbox still has it).
 */
export async function sendChat(scope: RunScope, node: { id: string; kind: string }, stepKey: string): Promise<void> {
  if (!scope.env.sendsChat) return;
  const outcome = await scope.env.deliverChat({ runId: scope.runId, stepKey });
  const at = new Date(scope.env.now()).toISOString();
  if (!outcome.ok) {
    scope.note({ nodeId: node.id, kind: node.kind, at, note: `chat message not delivered, retries spent: ${outcome.message}` });
    return;
  }
  for (const report of outcome.reports) scope.note({ nodeId: node.id, kind: node.kind, at, note: chatNote(report) });
}
