import { DateTime } from 'luxon';
import type { Db } from '../../db/connect';
import { findBudgetLine } from '../../db/queries/budget';
import { deleteTrainingItem, findTrainingItem, insertTrainingItem, listTraining, replaceAttendees, updateAttendee, updateTrainingItem, type TrainingWithAttendees } from '../../db/queries/training';
import type { SalesProject } from '../../db/schema';
import { requireProjectAccess } from '../access/project-access';
import { requireProjectAction } from '../access/project-actions';
import { seesTeam } from '../access/sees-team';
import type { Principal } from '../auth/principal';
import type { AppDeps } from '../deps';
import { ApiError, fieldDetail, found, invalidFields, notFound, said, type ErrorDetail } from '../errors';
import { sayIn } from '../said';
import { calendarOf, inProject, requireUsers } from '../plan-guard';
import { createRouter } from '../router';
import { TrainingItem } from '../contract/training';
import { recordAttendance, trainingRoutes } from '../contract/routes/training';
import { dropTrainingTimers, placeTrainingTimers } from '../training-timers';

export function trainingDto(item: TrainingWithAttendees, now = new Date()): TrainingItem {
  return {
    id: item.id,
    projectId: item.projectId,
    topic: item.topic,
    kind: item.kind,
    trainer: { id: item.trainerId, name: item.trainerUserName ?? item.trainerName ?? '' },
    date: item.date.toISOString(),
    dueAt: item.dueAt.toISOString(),
    budgetLineId: item.budgetLineId,
    cost: item.cost,
    attendees: item.attendees.map((a) => ({ userId: a.userId, name: a.name, attended: a.attended, completedAt: a.completedAt?.toISOString() ?? null, score: a.score })),
    overdue: now >= item.dueAt && item.attendees.some((a) => a.completedAt === null),
  };
}

/** Completion is due by the end of the item's date in the project's time zone. */
function dueAtOf(project: SalesProject, date: Date): Date {
  return DateTime.fromJSDate(date, { zone: calendarOf(project).timeZone }).plus({ days: 1 }).startOf('day').toJSDate();
}

interface Draft {
  trainerId?: string | null | undefined;
  trainerName?: string | null | undefined;
  date?: string | undefined;
  attendeeIds?: string[] | undefined;
  budgetLineId?: string | null | undefined;
}

/** Every problem of a draft named at once: a date outside the project period, unknown people, a budget line of another project, no trainer. */
async function checkDraft(trx: Db, project: SalesProject, draft: Draft, trainerAfter: { id: string | null; name: string | null }): Promise<void> {
  const problems: ErrorDetail[] = [];
  if (draft.date !== undefined) {
    const date = new Date(draft.date);
    if (date < project.periodStart || date > project.periodEnd) {
      problems.push(fieldDetail('date', 'field.outsideProjectPeriod', { start: project.periodStart.toISOString(), end: project.periodEnd.toISOString() }));
    }
  }
  if (trainerAfter.id === null && trainerAfter.name === null) problems.push(fieldDetail('trainerId', 'field.trainerNeeded'));
  if (draft.budgetLineId && !(await findBudgetLine(trx, project.id, draft.budgetLineId))) {
    problems.push(fieldDetail('budgetLineId', 'field.noBudgetLineInProject', { id: draft.budgetLineId }));
  }
  if (problems.length > 0) throw invalidFields(problems);
  await requireUsers(trx, [{ path: 'trainerId', id: draft.trainerId }, ...(draft.attendeeIds ?? []).map((id, i) => ({ path: `attendeeIds.${i}`, id }))]);
}

/**
 * What somebody who does not see the team (api/access/sees-team) reads of the training plan: the
 * items they attend or train, each with their own attendee row only; undefined for an item that is
 * none of theirs.
 */
export function ownTraining(item: TrainingWithAttendees, userId: string): TrainingWithAttendees | undefined {
  const own = ownRows(item, userId);
  return own.attendees.length === 0 && item.trainerId !== userId ? undefined : own;
}

/** The item with only `userId`'s own attendee row (none when they do not attend it). */
const ownRows = (item: TrainingWithAttendees, userId: string): TrainingWithAttendees => ({ ...item, attendees: item.attendees.filter((a) => a.userId === userId) });

/** An attendee records only whether they completed an item; whether they attended and their score are the planners' to record. */
function requireOnlyCompletion(body: { attended?: unknown; score?: unknown }): void {
  const field = body.attended !== undefined ? 'attended' : body.score !== undefined ? 'score' : undefined;
  if (field === undefined) return;
  const message = said('attendeeRecordsCompletion', { field });
  throw new ApiError(403, 'forbidden', message, [{ path: field, message: sayIn('en', message), said: message }]);
}

export function trainingRouter({ db, temporal }: AppDeps) {
  /**
   * The item as `principal` may read it: whoever does not see the team reads only their own
   * attendee row (none of an item they do not attend; the list leaves such items out).
   */
  const answer = async (principal: Principal, projectId: string, trainingId: string, team: boolean) => {
    const item = found(await findTrainingItem(db, projectId, trainingId), 'trainingItem', trainingId);
    return trainingDto(team ? item : ownRows(item, principal.userId));
  };
  return createRouter()
    .openapi(trainingRoutes.list, async (c) => {
      const { id } = c.req.valid('param');
      const principal = c.get('principal');
      const team = seesTeam(principal, await requireProjectAccess(db, principal, id, 'read'));
      const { attendee } = c.req.valid('query');
      const now = new Date();
      const items = await listTraining(db, id, attendee ? { attendee } : {});
      const readable = team ? items : items.flatMap((item) => ownTraining(item, principal.userId) ?? []);
      return c.json(readable.map((item) => trainingDto(item, now)), 200);
    })
    .openapi(trainingRoutes.create, async (c) => {
      const { id } = c.req.valid('param');
      await requireProjectAction(db, c.get('principal'), id, 'editPlan', 'change its training plan');
      const body = c.req.valid('json');
      const created = await inProject(db, id, async (trx, project) => {
        await checkDraft(trx, project, body, { id: body.trainerId ?? null, name: body.trainerName ?? null });
        const date = new Date(body.date);
        const item = await insertTrainingItem(
          trx,
          {
            projectId: project.id,
            topic: body.topic,
            kind: body.kind,
            trainerId: body.trainerId ?? null,
            trainerName: body.trainerName ?? null,
            date,
            dueAt: dueAtOf(project, date),
            budgetLineId: body.budgetLineId ?? null,
            cost: body.cost ?? null,
          },
          body.attendeeIds,
        );
        await placeTrainingTimers(temporal, item.id);
        return item;
      });
      return c.json(await answer(c.get('principal'), id, created.id, true), 201);
    })
    .openapi(trainingRoutes.get, async (c) => {
      const { id, trainingId } = c.req.valid('param');
      const principal = c.get('principal');
      const team = seesTeam(principal, await requireProjectAccess(db, principal, id, 'read'));
      return c.json(await answer(principal, id, trainingId, team), 200);
    })
    .openapi(trainingRoutes.update, async (c) => {
      const { id, trainingId } = c.req.valid('param');
      await requireProjectAction(db, c.get('principal'), id, 'editPlan', 'change its training plan');
      const { attendeeIds, ...patch } = c.req.valid('json');
      const moved = await inProject(db, id, async (trx, project) => {
        const current = found(await findTrainingItem(trx, id, trainingId), 'trainingItem', trainingId);
        const trainer = {
          id: patch.trainerId === undefined ? current.trainerId : patch.trainerId,
          name: patch.trainerName === undefined ? current.trainerName : patch.trainerName,
        };
        await checkDraft(trx, project, { ...patch, attendeeIds }, trainer);
        const date = patch.date === undefined ? undefined : new Date(patch.date);
        await updateTrainingItem(trx, id, trainingId, {
          ...(patch.topic === undefined ? {} : { topic: patch.topic }),
          ...(patch.kind === undefined ? {} : { kind: patch.kind }),
          ...(patch.trainerId === undefined ? {} : { trainerId: patch.trainerId }),
          ...(patch.trainerName === undefined ? {} : { trainerName: patch.trainerName }),
          ...(date === undefined ? {} : { date, dueAt: dueAtOf(project, date) }),
          ...(patch.budgetLineId === undefined ? {} : { budgetLineId: patch.budgetLineId }),
          ...(patch.cost === undefined ? {} : { cost: patch.cost }),
        });
        if (attendeeIds !== undefined) await replaceAttendees(trx, trainingId, attendeeIds);
        return date !== undefined;
      });
      // A new date moves the reminder and the completion check, once committed: the item's timer
      // workflow reads the date again when told, and must not read the one being replaced.
      if (moved) await placeTrainingTimers(temporal, trainingId);
      return c.json(await answer(c.get('principal'), id, trainingId, true), 200);
    })
    .openapi(trainingRoutes.delete, async (c) => {
      const { id, trainingId } = c.req.valid('param');
      await requireProjectAction(db, c.get('principal'), id, 'editPlan', 'change its training plan');
      await inProject(db, id, async (trx) => {
        if (!(await deleteTrainingItem(trx, id, trainingId))) throw notFound('trainingItem', trainingId);
      });
      await dropTrainingTimers(temporal, trainingId);
      return c.body(null, 204);
    })
    .openapi(recordAttendance, async (c) => {
      const { id, trainingId, userId } = c.req.valid('param');
      const principal = c.get('principal');
      // An attendee records their own completion; attendance, scores and anyone else's take the project's planners.
      const access = await requireProjectAccess(db, principal, id, 'read');
      const plans = access === 'plan';
      if (principal.userId !== userId && !plans) await requireProjectAction(db, principal, id, 'editPlan', 'record attendance or completion of its training');
      const body = c.req.valid('json');
      if (!plans) requireOnlyCompletion(body);
      await inProject(db, id, async (trx) => {
        found(await findTrainingItem(trx, id, trainingId), 'trainingItem', trainingId);
        const changed = await updateAttendee(trx, trainingId, userId, {
          ...(body.attended === undefined ? {} : { attended: body.attended }),
          ...(body.completed === undefined ? {} : { completedAt: body.completed ? new Date() : null }),
          ...(body.score === undefined ? {} : { score: body.score }),
        });
        if (!changed) throw invalidFields([fieldDetail('userId', 'field.notAnAttendee')]);
      });
      return c.json(await answer(principal, id, trainingId, seesTeam(principal, access)), 200);
    });
}
