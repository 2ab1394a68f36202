import type { Db } from '../db/connect';
import { insertInboxItemOnce } from '../db/queries/inbox';
import { findProject } from '../db/queries/projects';
import { findTrainingItemById, listTraining } from '../db/queries/training';
import type { Clock } from './clock';
import { messagesIn, minuteIn, readersLanguages } from './runtime/messages';

const DAY_MS = 86_400_000;

/** When a training item's timer fires: the reminder a day before its date, and the completion check at the end of it. */
export interface TrainingTimes {
  projectId: string;
  /** Null once the date is (nearly) here and the reminder would come too late to help, or has been sent. */
  remindAt: string | null;
  dueAt: string;
}

/** The activities of training items' timer workflows (workflows/training-due.ts). */
export function createTrainingActivities({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * The item's times. Missing, it throws (retried): the API starts the timer inside the
     * transaction that writes the item, so the first read may come before the commit; once the
     * retries are spent the workflow takes the item as removed.
     */
    async loadTrainingTimes(trainingId: string): Promise<TrainingTimes> {
      const item = await findTrainingItemById(db, trainingId);
      if (!item) throw new Error(`No training item ${trainingId} (not committed yet, or removed).`);
      const now = clock.now();
      return {
        projectId: item.projectId,
        remindAt: item.date > now ? new Date(Math.max(now.getTime(), item.date.getTime() - DAY_MS)).toISOString() : null,
        dueAt: item.dueAt.toISOString(),
      };
    },

    /** Reminds each attendee and a trainer who is a user, in the inbox (once per item and date). */
    async remindTraining(trainingId: string): Promise<void> {
      const bare = await findTrainingItemById(db, trainingId);
      if (!bare) return;
      const project = await findProject(db, bare.projectId);
      const [item] = await listTraining(db, bare.projectId, { id: trainingId });
      if (!project || !item || project.status === 'closed') return;
      const recipients = [...new Set([...item.attendees.map((a) => a.userId), ...(item.trainerId ? [item.trainerId] : [])])];
      const languageOf = await readersLanguages(db, recipients);
      for (const userId of recipients) {
        const language = languageOf(userId);
        const say = messagesIn(language);
        const date = minuteIn(language, item.date);
        await insertInboxItemOnce(db, {
          userId,
          kind: 'notification',
          dedupeKey: `training-reminder:${item.id}:${item.date.toISOString()}:${userId}`,
          payload: {
            projectId: project.id,
            trainingId: item.id,
            subject: say('training.reminderSubject', { topic: item.topic, date }),
            message: say('training.reminder', { topic: item.topic, kind: say(`training.kinds.${item.kind}`), trainer: item.trainerUserName ?? item.trainerName ?? '', date, project: project.name }),
          },
        });
      }
    },

    /**
     * At the end of the item's date: overdue when an attendee has not completed it, and the
     * project still runs (a closed project's training raises nothing).
     */
    async checkTrainingOverdue(trainingId: string): Promise<{ overdue: boolean; projectId: string; phase: string } | null> {
      const item = await findTrainingItemById(db, trainingId);
      if (!item) return null;
      const project = await findProject(db, item.projectId);
      if (!project) return null;
      const [full] = await listTraining(db, item.projectId, { id: trainingId });
      const open = (full?.attendees ?? []).filter((a) => a.completedAt === null);
      const overdue = open.length > 0 && project.status !== 'closed' && project.phase !== 'closed' && clock.now() >= item.dueAt;
      return { overdue, projectId: project.id, phase: project.phase };
    },
  };
}
