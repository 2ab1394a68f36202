import { onBehalfOf } from '../../db/actor';
import type { Db } from '../../db/connect';
import { insertInboxItemOnce } from '../../db/queries/inbox';
import { messagesIn, readersLanguages } from '../runtime/messages';
import { listProjectWorkerIds } from '../../db/queries/members';
import { insertProjectEventsOnce } from '../../db/queries/project-events';
import { getProject, getProjectOwnerId } from '../../db/queries/projects';
import {
  finalizeCollectingRetrospective,
  findRetrospective,
  getRetrospectiveOfProject,
  insertRetrospectiveOnce,
  listRetrospectiveRespondents,
} from '../../db/queries/retrospectives';
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
  const [ownerId, members] = await Promise.all([getProjectOwnerId(db, projectId), listProjectWorkerIds(db, projectId)]);
  return [...new Set([ownerId, ...members])];
}

export function createRetrospectiveActivities({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** Creates the project's one retrospective (compiling the report), or returns the existing one. */
    async openRetrospective(input: { projectId: string }): Promise<OpenedRetrospective> {
      const existing = await findRetrospective(db, { projectId: input.projectId });
      const project = await getProject(db, input.projectId);
      const reminderMs = Number(project.retroReminderDays) * DAY_MS;
      const row =
        existing ??
        (await (async () => {
          const now = clock.now();
          const report = await compileReport(db, input.projectId, now);
          await insertRetrospectiveOnce(db, {
            projectId: input.projectId,
            report: JSON.stringify(report),
            inputDueAt: new Date(now.getTime() + Number(project.retroInputDays) * DAY_MS),
            hardDeadlineAt: new Date(now.getTime() + Number(project.retroHardDeadlineDays) * DAY_MS),
          });
          await insertProjectEventsOnce(db, [
            { projectId: input.projectId, at: now, kind: 'retrospective_started', detail: JSON.stringify({ text: 'Closing review started' }), dedupeKey: `retro-start:${input.projectId}` },
          ]);
          return getRetrospectiveOfProject(db, input.projectId);
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
      const project = await getProject(db, input.projectId);
      const team = await teamOf(db, input.projectId);
      const languageOf = await readersLanguages(db, team);
      for (const userId of team) {
        const say = messagesIn(languageOf(userId));
        await insertInboxItemOnce(db, {
          userId,
          kind: 'retrospective_request',
          dedupeKey: `retro-request:${input.retrospectiveId}:${userId}`,
          payload: {
            retrospectiveId: input.retrospectiveId,
            projectId: input.projectId,
            dueAt: input.inputDueAt,
            subject: say('review.requestSubject', { project: project.name }),
            message: say('review.request'),
          },
        });
      }
      return team.length;
    },

    /** Reminds those who have not answered yet, once. */
    async remindTeam(input: { retrospectiveId: string; projectId: string; inputDueAt: string }): Promise<number> {
      const answered = new Set(await listRetrospectiveRespondents(db, input.retrospectiveId));
      const missing = (await teamOf(db, input.projectId)).filter((id) => !answered.has(id));
      const languageOf = await readersLanguages(db, missing);
      for (const userId of missing) {
        const say = messagesIn(languageOf(userId));
        await insertInboxItemOnce(db, {
          userId,
          kind: 'retrospective_request',
          dedupeKey: `retro-reminder:${input.retrospectiveId}:${userId}`,
          payload: { retrospectiveId: input.retrospectiveId, projectId: input.projectId, dueAt: input.inputDueAt, subject: say('review.reminderSubject'), message: say('review.reminder') },
        });
      }
      return missing.length;
    },

    /** Compiles the report one last time and freezes it; a finalized review stays as it is. */
    async finalizeRetrospective(input: { retrospectiveId: string; projectId: string; userId: string | null }): Promise<void> {
      const now = clock.now();
      const report = await compileReport(db, input.projectId, now);
      await onBehalfOf(input.userId, () => finalizeCollectingRetrospective(db, input.retrospectiveId, { finalizedAt: now, finalizedBy: input.userId, report: JSON.stringify(report) }));
    },

    async retrospectiveStatus(input: { projectId: string }): Promise<'none' | 'collecting' | 'finalized'> {
      const row = await findRetrospective(db, { projectId: input.projectId });
      return row?.status ?? 'none';
    },
  };
}
