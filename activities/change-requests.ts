import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../db/connect';
import { insertInboxItemOnce } from '../db/queries/inbox';
import type { Clock } from './clock';
import { applyChange, decidePendingChangeRequest, findChangeRequest, getChangeRequest } from '../db/queries/change-requests';

export function createChangeRequestActivities({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async loadChangeRequest(changeRequestId: string): Promise<{ requestedBy: string; subjectKind: string; field: string }> {
      const change = await findChangeRequest(db, changeRequestId);
      if (!change) {
        throw ApplicationFailure.create({ type: 'ChangeRequestNotFound', message: `Change request ${changeRequestId} does not exist.`, nonRetryable: true });
      }
      return { requestedBy: change.requestedBy, subjectKind: change.subjectKind, field: change.field };
    },

    /**
     * Records the decision and, when approved, applies the change in the same transaction with
     * its before/after kept on the request. Idempotent: a decided request is left as it is.
     * Returns the milestone whose timers must follow.
     */
    async decideChangeRequest(input: { changeRequestId: string; approved: boolean }): Promise<{ milestoneId: string | null; status: string }> {
      return db.transaction().execute(async (trx) => {
        const change = await decidePendingChangeRequest(trx, input.changeRequestId, { status: input.approved ? 'approved' : 'rejected', decidedAt: clock.now() });
        if (!change) {
          const existing = await getChangeRequest(trx, input.changeRequestId);
          return { milestoneId: existing.subjectKind === 'milestone' ? existing.subjectId : null, status: existing.status };
        }
        if (input.approved) await applyChange(trx, change, change.after as string | number);
        await insertInboxItemOnce(trx, {
          userId: change.requestedBy,
          kind: 'notification',
          dedupeKey: `change-decision:${change.id}`,
          payload: {
            projectId: change.projectId,
            changeRequestId: change.id,
            subject: input.approved ? 'Change approved' : 'Change rejected',
            message: `Your request to change the ${change.field === 'due_at' ? 'due date' : 'target'} from ${JSON.stringify(change.before)} to ${JSON.stringify(change.after)} was ${input.approved ? 'approved and applied' : 'rejected'}.`,
          },
        });
        return { milestoneId: change.subjectKind === 'milestone' ? change.subjectId : null, status: change.status };
      });
    },
  };
}
