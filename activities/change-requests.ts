import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../db/connect';
import type { ChangeRequest } from '../db/schema';
import { insertInboxItemOnce } from '../db/queries/inbox';
import type { Clock } from './clock';
import { applyChange, decidePendingChangeRequest, findChangeRequest, getChangeRequest } from '../db/queries/change-requests';
import { messagesIn, readersLanguages, type Say } from './runtime/messages';
import { reallocationFits } from '../db/queries/member-milestones';
import type { AllocationValue } from '../workflows/domain/sales-plan/allocation-value';
import { changeValueText } from '../workflows/domain/change-values';

/** Targets and dates as they were always written ("2027-03-31T10:00:00.000Z", 1250000); the project's own fields in words. */
const quoted = (field: ChangeRequest['field'], value: unknown, say: Say) => (field === 'target' || field === 'due_at' ? JSON.stringify(value) : say('change.quoted', { value: changeValueText(field, value) }));

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
     * Returns the milestone whose timers must follow, or `projectTimers` when an approved change of
     * the project itself (calendar, cadence, monitoring window) moves its timers, or
     * `milestonesChanged` when an approved reallocation added or dropped members' milestones.
     */
    async decideChangeRequest(input: { changeRequestId: string; approved: boolean }): Promise<{ milestoneId: string | null; status: string; projectTimers?: boolean; calendarChanged?: boolean; milestonesChanged?: boolean }> {
      return db.transaction().execute(async (trx) => {
        // A reallocation that no longer fits its goal when approved (a member left, a lowered target) is turned down.
        const asked = await findChangeRequest(trx, input.changeRequestId);
        const fits = !input.approved || asked?.field !== 'allocation' || asked.status !== 'pending' || (await reallocationFits(trx, asked.subjectId, asked.after as AllocationValue));
        const approved = input.approved && fits;
        const change = await decidePendingChangeRequest(trx, input.changeRequestId, { status: approved ? 'approved' : 'rejected', decidedAt: clock.now() });
        if (!change) {
          const existing = await getChangeRequest(trx, input.changeRequestId);
          const projectTimers = existing.subjectKind === 'project' && existing.status === 'approved';
          const reloaded = existing.field === 'allocation' && existing.status === 'approved' ? { milestonesChanged: true } : {};
          return { milestoneId: existing.subjectKind === 'milestone' ? existing.subjectId : null, status: existing.status, projectTimers, calendarChanged: projectTimers && existing.field === 'calendar', ...reloaded };
        }
        if (approved) await applyChange(trx, change, change.after);
        const say = messagesIn((await readersLanguages(trx, [change.requestedBy]))(change.requestedBy));
        await insertInboxItemOnce(trx, {
          userId: change.requestedBy,
          kind: 'notification',
          dedupeKey: `change-decision:${change.id}`,
          payload: {
            projectId: change.projectId,
            changeRequestId: change.id,
            subject: say(approved ? 'change.approvedSubject' : 'change.rejectedSubject'),
            message: say(approved ? 'change.approved' : 'change.rejected', {
              field: say(`change.fields.${change.field}`),
              before: quoted(change.field, change.before, say),
              after: quoted(change.field, change.after, say),
            }),
          },
        });
        const projectTimers = change.subjectKind === 'project' && approved;
        // A reallocation adds and drops the members' milestones: the lifecycle reloads them.
        const reloaded = change.field === 'allocation' && approved ? { milestonesChanged: true } : {};
        return { milestoneId: change.subjectKind === 'milestone' ? change.subjectId : null, status: change.status, projectTimers, calendarChanged: projectTimers && change.field === 'calendar', ...reloaded };
      });
    },
  };
}
