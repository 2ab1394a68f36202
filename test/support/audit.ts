import type { Db } from '../../db/connect';

/** The newest audit event's id (0 for none): what a test compares "after" against. */
export async function lastAuditId(db: Db): Promise<number> {
  const [row] = await db.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('id')).execute();
  return Number(row?.id ?? 0);
}

/** How many changes this person made after audit event `after`. */
export async function auditRowsBy(db: Db, userId: string, after: number): Promise<number> {
  const rows = await db.selectFrom('audit_events').select('id').where('id', '>', after).where('actorUserId', '=', userId).execute();
  return rows.length;
}

/** How many changes workflows made to a project after audit event `after`. */
export async function workflowAuditRows(db: Db, projectId: string, after: number): Promise<number> {
  const rows = await db.selectFrom('audit_events').select('id').where('id', '>', after).where('projectId', '=', projectId).where('actorKind', '=', 'workflow').execute();
  return rows.length;
}
