import { condition, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { OpenEscalation } from './sales-project-messages';

const { escalateMilestone } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** The workflow's own record of the escalations it raised; acknowledged ones are removed. */
export type OpenEscalations = Map<string, OpenEscalation>;

/**
 * Escalates a missed milestone to the owner's manager, then one level further up each time
 * nobody acknowledges within `ackTimeoutMs`, until someone acknowledges or the chart ends.
 * An escalation nobody acknowledged stays open (acknowledgeable) after the chain moved on.
 * Returns the level that was acknowledged, or undefined when the top was reached unanswered.
 */
export async function escalateUntilAcknowledged(
  open: OpenEscalations,
  milestone: { milestoneId: string; actual: string; target: string },
  ackTimeoutMs: number,
): Promise<number | undefined> {
  const raised: string[] = [];
  const anyAcknowledged = () => raised.some((id) => !open.has(id));
  for (let level = 1; ; level++) {
    const created = await escalateMilestone({
      milestoneId: milestone.milestoneId,
      level,
      reason: { actual: milestone.actual, target: milestone.target },
    });
    if (!created) return undefined; // past the top of the org chart
    raised.push(created.escalationId);
    open.set(created.escalationId, {
      escalationId: created.escalationId,
      milestoneId: milestone.milestoneId,
      level,
      recipientId: created.recipientId,
      escalatesAt: new Date(Date.now() + ackTimeoutMs).toISOString(),
    });
    if (await condition(anyAcknowledged, ackTimeoutMs)) return level;
  }
}
