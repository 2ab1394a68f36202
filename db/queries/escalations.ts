import type { Db } from '../connect';
import type { Escalation } from '../schema';

/**
 * Writes the escalation for (milestone, level) unless it exists, and returns the row either way:
 * a retried activity finds the escalation it already created.
 */
export async function insertEscalationOnce(
  db: Db,
  escalation: { projectId: string; milestoneId: string; level: number; recipientId: string },
): Promise<{ escalation: Escalation; created: boolean }> {
  const inserted = await db
    .insertInto('escalations')
    .values({
      project_id: escalation.projectId,
      milestone_id: escalation.milestoneId,
      level: escalation.level,
      recipient_id: escalation.recipientId,
    })
    .onConflict((oc) => oc.columns(['milestone_id', 'level']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { escalation: inserted, created: true };
  const existing = await db
    .selectFrom('escalations')
    .selectAll()
    .where('milestone_id', '=', escalation.milestoneId)
    .where('level', '=', escalation.level)
    .executeTakeFirstOrThrow();
  return { escalation: existing, created: false };
}

export async function findEscalation(db: Db, id: string): Promise<Escalation | undefined> {
  return db.selectFrom('escalations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listEscalations(db: Db, projectId: string): Promise<Escalation[]> {
  return db
    .selectFrom('escalations')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .orderBy('level')
    .execute();
}

/** Records the acknowledgement once; a repeat returns the first one's time. */
export async function acknowledgeEscalationOnce(
  db: Db,
  id: string,
  userId: string,
  at: Date,
): Promise<Escalation> {
  await db
    .updateTable('escalations')
    .set({ acknowledged_at: at, acknowledged_by: userId })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .execute();
  return db.selectFrom('escalations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
