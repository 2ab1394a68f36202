import { sql } from 'kysely';
import type { Db } from '../connect';

/**
 * The counters a cached project page is valid for, by project: the project's own (grown by every
 * change to what its page shows) joined to the org chart's, as "project.org". A project without a
 * counter (none yet, or no such project) is missing. One indexed statement for any number of
 * projects, of the same text whatever their number: the price of serving kept pages.
 */
export async function findProjectReadVersions(db: Db, projectIds: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await sql<{ projectId: string; version: string }>`
    select p.project_id, p.version || '.' || o.version as version
    from project_read_versions p cross join org_chart_version o
    where p.project_id = any(${projectIds}::uuid[])`.execute(db);
  return new Map(rows.map((row) => [row.projectId, row.version]));
}
