import { onBehalfOf } from '../../db/actor';
import type { Db } from '../../db/connect';
import { insertInboxItemOnce } from '../../db/queries/inbox';
import type { Clock } from '../clock';
import { compileReport } from './compile-report';

const DAY_MS = 86_400_000;

export interface OpenedRetrospective {
  retrospectiveId: string;
  status: 'collecting' | 'finalized';
  inputDueAt: string;
  reminderAt: string;
  hardDeadlineAt: string;
}

/**
 * Everyone asked to answer: the owner and the project's members — the people who may answer
 * (api/access). Viewers only read; milestone owners and reporters off the project cannot answer.
 */
async function teamOf(db: Db, projectId: string): Promise<string[]> {
  const [project, members] = await Promise.all([
    db.selectFrom('sales_projects').select('ownerId').where('id', '=', projectId).executeTakeFirstOrThrow(),
    db.selectFrom('project_members').select('userId').where('projectId', '=', projectId).where('role', '<>', 'viewer').execute(),
  ]);
  return [...new Set([project.ownerId, ...members.map((m) => m.userId)])];
}

export function createRetrospectiveActivities({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** Creates the project's one retrospective (compiling the report), or returns the existing one. */
    async openRetrospective(input: { projectId: string }): Promise<OpenedRetrospective> {
      const existing = await db.selectFrom('retrospectives').selectAll().where('projectId', '=', input.projectId).executeTakeFirst();
      const project = await db.selectFrom('sales_projects').selectAll().where('id', '=', input.projectId).executeTakeFirstOrThrow();
      const reminderMs = Number(project.retroReminderDays) * DAY_MS;
      const row =
        existing ??
        (await (async () => {
          const now = clock.now();
          const report = await compileReport(db, input.projectId, now);
          await db
            .insertInto('retrospectives')
            .values({
              projectId: input.projectId,
              report: JSON.stringify(report),
              inputDueAt: new Date(now.getTime() + Number(project.retroInputDays) * DAY_MS),
              hardDeadlineAt: new Date(now.getTime() + Number(project.retroHardDeadlineDays) * DAY_MS),
            })
            .onConflict((oc) => oc.column('projectId').doNothing())
            .execute();
          await db
            .insertInto('project_events')
            .values({ projectId: input.projectId, at: now, kind: 'retrospective_started', detail: JSON.stringify({ text: 'Closing review started' }), dedupeKey: `retro-start:${input.projectId}` })
            .onConflict((oc) => oc.column('dedupeKey').doNothing())
            .execute();
          return db.selectFrom('retrospectives').selectAll().where('projectId', '=', input.projectId).executeTakeFirstOrThrow();
        })());
      return {
        retrospectiveId: row.id,
        status: row.status,
        inputDueAt: row.inputDueAt.toISOString(),
        reminderAt: new Date(Math.max(row.startedAt.getTime(), row.inputDueAt.getTime() - reminderMs)).toISOString(),
        hardDeadlineAt: row.hardDeadlineAt.toISOString(),
      };
    },

    /** Asks each team member the three questions, once. */
    async requestTeamInput(input: { retrospectiveId: string; projectId: string; inputDueAt: string }): Promise<number> {
      const project = await db.selectFrom('sales_projects').select('name').where('id', '=', input.projectId).executeTakeFirstOrThrow();
      const team = await teamOf(db, input.projectId);
      for (const userId of team) {
        await insertInboxItemOnce(db, {
          userId,
          kind: 'retrospective_request',
          dedupeKey: `retro-request:${input.retrospectiveId}:${userId}`,
          payload: {
            retrospectiveId: input.retrospectiveId,
            projectId: input.projectId,
            dueAt: input.inputDueAt,
            subject: `Closing review: ${project.name}`,
            message: 'What went well? What should we improve? Which action items do we take into the next project? Please answer before the deadline.',
          },
        });
      }
      return team.length;
    },

    /** Reminds those who have not answered yet, once. */
    async remindTeam(input: { retrospectiveId: string; projectId: string; inputDueAt: string }): Promise<number> {
      const answered = new Set((await db.selectFrom('retrospective_inputs').select('userId').where('retrospectiveId', '=', input.retrospectiveId).execute()).map((r) => r.userId));
      const missing = (await teamOf(db, input.projectId)).filter((id) => !answered.has(id));
      for (const userId of missing) {
        await insertInboxItemOnce(db, {
          userId,
          kind: 'retrospective_request',
          dedupeKey: `retro-reminder:${input.retrospectiveId}:${userId}`,
          payload: { retrospectiveId: input.retrospectiveId, projectId: input.projectId, dueAt: input.inputDueAt, subject: 'Reminder: your closing review answers', message: 'Your answers are still missing; the review closes soon.' },
        });
      }
      return missing.length;
    },

    /** Compiles the report one last time and freezes it; a finalized review stays as it is. */
    async finalizeRetrospective(input: { retrospectiveId: string; projectId: string; userId: string | null }): Promise<void> {
      const now = clock.now();
      const report = await compileReport(db, input.projectId, now);
      await onBehalfOf(input.userId, () =>
        db
          .updateTable('retrospectives')
          .set({ status: 'finalized', finalizedAt: now, finalizedBy: input.userId, report: JSON.stringify(report) })
          .where('id', '=', input.retrospectiveId)
          .where('status', '=', 'collecting')
          .execute(),
      );
    },

    async retrospectiveStatus(input: { projectId: string }): Promise<'none' | 'collecting' | 'finalized'> {
      const row = await db.selectFrom('retrospectives').select('status').where('projectId', '=', input.projectId).executeTakeFirst();
      return row?.status ?? 'none';
    },
  };
}
