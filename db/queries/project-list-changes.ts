import { sql } from 'kysely';
import type { Db } from '../connect';

export interface ProjectListChanges {
  /** This statement's snapshot, to ask from next time (taken before any read that follows it). */
  snapshot: string;
  /** The org chart's counter, which grows with every change to who reports to whom and to people's names. */
  org: string;
  /** Whether a transaction that `since` did not see has committed a change to any project's list row since. */
  changed: boolean;
}

/**
 * Whether anything a project list shows changed since snapshot `since` (undefined: not asked
 * before, so yes): a change to any project's rows commits a counter row stamped with its
 * transaction id (db/migrations/20261211T0000-project-list-changes.ts), and the ones not visible
 * in `since` but visible now are the changes since. One index range scan over the transactions
 * from `since`'s oldest then running one on, a handful when nothing is being written.
 */
export async function findProjectListChanges(db: Db, since: string | undefined): Promise<ProjectListChanges> {
  const seen = sql`${since ?? null}::pg_snapshot`;
  const { rows } = await sql<ProjectListChanges>`
    select pg_current_snapshot()::text as snapshot, (select version::text from org_chart_version) as org,
      case when ${seen} is null then true else exists (
        select 1 from project_read_versions
        where changed_by >= pg_snapshot_xmin(${seen}) and not pg_visible_in_snapshot(changed_by, ${seen})
      ) end as changed`.execute(db);
  return rows[0]!;
}
