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
      projectId: escalation.projectId,
      milestoneId: escalation.milestoneId,
      level: escalation.level,
      recipientId: escalation.recipientId,
    })
    .onConflict((oc) => oc.columns(['milestoneId', 'level']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { escalation: inserted, created: true };
  const existing = await db
    .selectFrom('escalations')
    .selectAll()
    .where('milestoneId', '=', escalation.milestoneId)
    .where('level', '=', escalation.level)
    .executeTakeFirstOrThrow();
  return { escalation: existing, created: false };
}

/** An escalation, with who answers it for its recipient while they are away (their deputy), if anybody does now. */
export type EscalationWithStandIn = Escalation & { standInId: string | null };

const escalationsWithStandIn = (db: Db) =>
  db
    .selectFrom('escalations as e')
    .selectAll('e')
    .select((eb) =>
      eb
        .selectFrom('approval_requests as r')
        .select('r.approverId')
        .whereRef('r.flowRunId', '=', 'e.flowRunId')
        .whereRef('r.onBehalfOfId', '=', 'e.recipientId')
        .where('r.status', '=', 'pending')
        .limit(1)
        .as('standInId'),
    );

export async function findEscalation(db: Db, id: string): Promise<EscalationWithStandIn | undefined> {
  return escalationsWithStandIn(db).where('e.id', '=', id).executeTakeFirst();
}

export async function listEscalations(db: Db, projectId: string): Promise<EscalationWithStandIn[]> {
  return escalationsWithStandIn(db).where('e.projectId', '=', projectId).orderBy('e.createdAt').orderBy('e.level').execute();
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
    .set({ acknowledgedAt: at, acknowledgedBy: userId })
    .where('id', '=', id)
    .where('acknowledgedAt', 'is', null)
    .execute();
  return db.selectFrom('escalations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/**
 * The escalation a flow run raised for (milestone, level), once. Returns who the standing row
 * names: the one given, or whom an earlier attempt wrote (the org chart may have moved since).
 */
export async function insertFlowEscalationOnce(
  db: Db,
  escalation: { projectId: string; milestoneId: string; level: number; recipientId: string; flowRunId: string },
): Promise<string> {
  const inserted = await db
    .insertInto('escalations')
    .values(escalation)
    .onConflict((oc) => oc.columns(['milestoneId', 'level']).doNothing())
    .returning('recipientId')
    .executeTakeFirst();
  if (inserted) return inserted.recipientId;
  const standing = await db
    .selectFrom('escalations')
    .select('recipientId')
    .where('milestoneId', '=', escalation.milestoneId)
    .where('level', '=', escalation.level)
    .executeTakeFirstOrThrow();
  return standing.recipientId;
}

/** Acknowledging a request acknowledges the escalation its run raised to the person (or people) it answers for. */
export async function acknowledgeEscalationsOfRun(db: Db, input: { flowRunId: string; recipientIds: readonly string[]; at: Date; by: string }): Promise<void> {
  if (input.recipientIds.length === 0) return;
  await db
    .updateTable('escalations')
    .set({ acknowledgedAt: input.at, acknowledgedBy: input.by })
    .where('flowRunId', '=', input.flowRunId)
    .where('recipientId', 'in', input.recipientIds)
    .where('acknowledgedAt', 'is', null)
    .execute();
}
