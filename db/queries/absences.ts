import { sql } from 'kysely';
import type { Db } from '../connect';
import type { Absence } from '../schema';

export async function findAbsence(db: Db, userId: string): Promise<Absence | undefined> {
  return db.selectFrom('absences').selectAll().where('userId', '=', userId).executeTakeFirst();
}

/** Sets a person's absence, replacing the one they had. */
export async function putAbsence(db: Db, absence: { userId: string; startsAt: Date; endsAt: Date; deputyId: string; setBy: string }): Promise<Absence> {
  return db
    .insertInto('absences')
    .values(absence)
    .onConflict((oc) => oc.column('userId').doUpdateSet({ startsAt: absence.startsAt, endsAt: absence.endsAt, deputyId: absence.deputyId, setBy: absence.setBy, updatedAt: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** False when the person had none. */
export async function deleteAbsence(db: Db, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('absences').where('userId', '=', userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Absences not over by `at` (those that hold then, and those still to come): what routing and loop checks follow. */
export async function listAbsencesNotOverBy(db: Db, at: Date): Promise<Absence[]> {
  return db.selectFrom('absences').selectAll().where('endsAt', '>', at).execute();
}

/** A person's absence with the names of their deputy and of whoever set it. */
export async function findAbsenceWithNames(db: Db, userId: string) {
  return db
    .selectFrom('absences as a')
    .innerJoin('users as deputy', 'deputy.id', 'a.deputyId')
    .leftJoin('users as setter', 'setter.id', 'a.setBy')
    .select(['a.userId', 'a.startsAt', 'a.endsAt', 'a.deputyId', 'deputy.name as deputyName', 'a.setBy', 'setter.name as setByName'])
    .where('a.userId', '=', userId)
    .executeTakeFirst();
}

/** Serialises changes to absences until the transaction ends, so two set at once cannot together make a loop. */
export async function lockAbsences(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended('milepost:absences', 0))`.execute(db);
}
