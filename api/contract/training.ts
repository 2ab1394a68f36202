import { z } from '@hono/zod-openapi';
import { trainingKinds } from '../../workflows/domain/sales-plan/training-and-scorecard';
import { Name, Timestamp, Uuid, patchBodyOf, projectItemParams } from './common';
import { NonNegativeDecimal } from './plan';

const trainingFields = {
  topic: Name(300),
  kind: z.enum(trainingKinds, { error: "must be 'internal', 'external' or 'mentoring'" }),
  /** A user who trains or mentors; or, for an external trainer, `trainerName`. */
  trainerId: Uuid.nullable(),
  trainerName: Name(200).nullable(),
  date: Timestamp.openapi({ description: "When it takes place; within the project period. Completion is due by the end of that day in the project's time zone." }),
  attendeeIds: z.array(Uuid).min(1, 'name at least one attendee').max(500),
  budgetLineId: Uuid.nullable(),
  cost: NonNegativeDecimal.nullable(),
};

export const NewTrainingBody = z
  .strictObject({
    topic: trainingFields.topic,
    kind: trainingFields.kind,
    trainerId: trainingFields.trainerId.optional(),
    trainerName: trainingFields.trainerName.optional(),
    date: trainingFields.date,
    attendeeIds: trainingFields.attendeeIds,
    budgetLineId: trainingFields.budgetLineId.optional(),
    cost: trainingFields.cost.optional(),
  })
  .openapi('NewTrainingItem', {
    example: { topic: 'Negotiating multi-year contracts', kind: 'external', trainerName: 'Dr. Li Wen', date: '2027-03-12T09:00:00+08:00', attendeeIds: ['3f1c2a9e-5b6d-4e8f-9a0b-1c2d3e4f5a6b'], cost: '12000' },
  });

export const TrainingPatchBody = patchBodyOf(trainingFields).openapi('TrainingItemPatch');

export const TrainingParams = projectItemParams('trainingId');

export const AttendeeParams = TrainingParams.extend({ userId: Uuid.openapi({ param: { name: 'userId', in: 'path' } }) });

/** What is recorded for one attendee: attendance, completion (now, or undone with false) and an optional score. */
export const AttendeeRecordBody = patchBodyOf({
  attended: z.boolean().nullable(),
  completed: z.boolean(),
  score: NonNegativeDecimal.nullable(),
}).openapi('TrainingAttendeeRecord');

export const TrainingQuery = z.strictObject({ attendee: Uuid.optional().openapi({ description: 'Only the items this person attends' }) });

export const TrainingAttendee = z
  .object({
    userId: z.string(),
    name: z.string(),
    /** Null while attendance is not recorded. */
    attended: z.boolean().nullable(),
    completedAt: z.string().nullable(),
    /** Exact decimal text; null when none was given. */
    score: z.string().nullable(),
  })
  .openapi('TrainingAttendee');

export const TrainingItem = z
  .object({
    id: z.string(),
    projectId: z.string(),
    topic: z.string(),
    kind: z.enum(trainingKinds),
    trainer: z.object({ id: z.string().nullable(), name: z.string() }),
    date: z.string(),
    dueAt: z.string(),
    budgetLineId: z.string().nullable(),
    cost: z.string().nullable(),
    attendees: z.array(TrainingAttendee),
    /** Past its due time with an attendee who has not completed it. */
    overdue: z.boolean(),
  })
  .openapi('TrainingItem');

export type TrainingItem = z.infer<typeof TrainingItem>;
