import type { Insertable } from 'kysely';
import type { Db } from '../connect';
import type { ProjectEventsTable } from '../schema';

/** Timeline entries for the retrospective; each is recorded once per `dedupeKey`, so retries add nothing. */
export async function insertProjectEventsOnce(db: Db, events: readonly Insertable<ProjectEventsTable>[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('project_events')
    .values([...events])
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .execute();
}
