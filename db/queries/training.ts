import type { Db } from '../connect';
import type { TrainingAttendee, TrainingItem, TrainingItemsTable } from '../schema';
import type { Insertable, Updateable } from 'kysely';

export type TrainingWithAttendees = TrainingItem & { attendees: (TrainingAttendee & { name: string })[]; trainerUserName: string | null };

export async function insertTrainingItem(db: Db, item: Insertable<TrainingItemsTable>, attendeeIds: readonly string[]): Promise<TrainingItem> {
  const row = await db.insertInto('training_items').values(item).returningAll().executeTakeFirstOrThrow();
  await replaceAttendees(db, row.id, attendeeIds);
  return row;
}

/** Keeps what is recorded for attendees who stay; adds the new ones, removes the others. */
export async function replaceAttendees(db: Db, trainingId: string, attendeeIds: readonly string[]): Promise<void> {
  const ids = [...new Set(attendeeIds)];
  let removal = db.deleteFrom('training_attendees').where('trainingId', '=', trainingId);
  if (ids.length > 0) removal = removal.where('userId', 'not in', ids);
  await removal.execute();
  if (ids.length === 0) return;
  await db
    .insertInto('training_attendees')
    .values(ids.map((userId) => ({ trainingId, userId })))
    .onConflict((oc) => oc.columns(['trainingId', 'userId']).doNothing())
    .execute();
}

export async function updateTrainingItem(db: Db, projectId: string, id: string, changes: Updateable<TrainingItemsTable>): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await db.updateTable('training_items').set(changes).where('projectId', '=', projectId).where('id', '=', id).execute();
}

export async function deleteTrainingItem(db: Db, projectId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('training_items').where('projectId', '=', projectId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function findTrainingItem(db: Db, projectId: string, id: string): Promise<TrainingWithAttendees | undefined> {
  return (await listTraining(db, projectId, { id }))[0];
}

/** A training item by id alone (the timer workflow knows no project). */
export async function findTrainingItemById(db: Db, id: string): Promise<TrainingItem | undefined> {
  return db.selectFrom('training_items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The project's training items by date, each with its attendees by name; `attendee` keeps the items one person attends. */
export async function listTraining(db: Db, projectId: string, filter: { id?: string; attendee?: string } = {}): Promise<TrainingWithAttendees[]> {
  let query = db
    .selectFrom('training_items as t')
    .leftJoin('users as u', 'u.id', 't.trainerId')
    .selectAll('t')
    .select('u.name as trainerUserName')
    .where('t.projectId', '=', projectId);
  if (filter.id) query = query.where('t.id', '=', filter.id);
  if (filter.attendee) {
    const attendee = filter.attendee;
    query = query.where((eb) => eb.exists(eb.selectFrom('training_attendees as a').select('a.userId').whereRef('a.trainingId', '=', 't.id').where('a.userId', '=', attendee)));
  }
  const items = await query.orderBy('t.date').orderBy('t.id').execute();
  if (items.length === 0) return [];
  const attendees = await db
    .selectFrom('training_attendees as a')
    .innerJoin('users as u', 'u.id', 'a.userId')
    .selectAll('a')
    .select('u.name')
    .where('a.trainingId', 'in', items.map((i) => i.id))
    .orderBy('u.name')
    .orderBy('a.userId')
    .execute();
  return items.map((item) => ({ ...item, attendees: attendees.filter((a) => a.trainingId === item.id) }));
}

export async function updateAttendee(
  db: Db,
  trainingId: string,
  userId: string,
  changes: { attended?: boolean | null; completedAt?: Date | null; score?: string | null },
): Promise<boolean> {
  if (Object.keys(changes).length === 0) {
    return (await db.selectFrom('training_attendees').select('userId').where('trainingId', '=', trainingId).where('userId', '=', userId).executeTakeFirst()) !== undefined;
  }
  const result = await db.updateTable('training_attendees').set(changes).where('trainingId', '=', trainingId).where('userId', '=', userId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Per attendee of the project's items dated in [from, to): whether they completed it. */
export async function listTrainingCompletion(db: Db, projectId: string, from: Date, to: Date): Promise<{ memberId: string; completed: boolean }[]> {
  const rows = await db
    .selectFrom('training_attendees as a')
    .innerJoin('training_items as t', 't.id', 'a.trainingId')
    .select(['a.userId', 'a.completedAt'])
    .where('t.projectId', '=', projectId)
    .where('t.date', '>=', from)
    .where('t.date', '<', to)
    .execute();
  return rows.map((r) => ({ memberId: r.userId, completed: r.completedAt !== null }));
}
