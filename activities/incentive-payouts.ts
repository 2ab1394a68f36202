import type { Db } from '../db/connect';
import { decideEarnedPayout, findPayout } from '../db/queries/incentives';
import { insertInboxItemOnce } from '../db/queries/inbox';
import { getProject } from '../db/queries/projects';
import type { Clock } from './clock';
import { messagesIn, readersLanguages } from './runtime/messages';

export function createIncentiveActivities({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * Records the flow's decision on an earned payout and, when approved, books it on the incentive
     * budget line, in one transaction; the member is told either way. Idempotent: a decided payout
     * is left as it is and booked nothing again.
     */
    async decideIncentivePayout(input: { payoutId: string; approved: boolean }): Promise<{ status: string }> {
      return db.transaction().execute(async (trx) => {
        const decided = await decideEarnedPayout(trx, input.payoutId, { status: input.approved ? 'approved' : 'rejected', decidedAt: clock.now() });
        if (!decided) return { status: (await findPayout(trx, input.payoutId))?.status ?? 'missing' };
        const project = await getProject(trx, decided.projectId);
        const say = messagesIn((await readersLanguages(trx, [decided.memberId]))(decided.memberId));
        const words = { amount: decided.amount, project: project.name };
        await insertInboxItemOnce(trx, {
          userId: decided.memberId,
          kind: 'notification',
          dedupeKey: `incentive-decision:${decided.id}`,
          payload: {
            projectId: decided.projectId,
            payoutId: decided.id,
            subject: say(input.approved ? 'incentive.approvedSubject' : 'incentive.rejectedSubject', words),
            message: say(input.approved ? 'incentive.approved' : 'incentive.rejected', words),
          },
        });
        return { status: decided.status };
      });
    },
  };
}
