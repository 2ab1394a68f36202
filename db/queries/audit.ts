import type { Db } from '../connect';

export interface AuditFilter {
  projectId?: string | undefined;
  userId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only events with a smaller id (paging, newest first). */
  before?: number | undefined;
  limit: number;
}

/** The trail, newest first, with the acting person's name. */
export async function listAuditEvents(db: Db, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.actorUserId')
    .select(['a.id', 'a.at', 'a.actorKind', 'a.actorUserId', 'u.name as actorName', 'a.actorDetail', 'a.action', 'a.entity', 'a.entityId', 'a.projectId', 'a.before', 'a.after']);
  if (filter.projectId) query = query.where('a.projectId', '=', filter.projectId);
  if (filter.userId) query = query.where('a.actorUserId', '=', filter.userId);
  if (filter.from) query = query.where('a.at', '>=', new Date(filter.from));
  if (filter.to) query = query.where('a.at', '<', new Date(filter.to));
  if (filter.before) query = query.where('a.id', '<', filter.before);
  return query.orderBy('a.id', 'desc').limit(filter.limit).execute();
}
