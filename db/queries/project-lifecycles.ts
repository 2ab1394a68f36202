import { sql } from 'kysely';
import type { Db } from '../connect';
import { newLifecycleState, type SalesProjectState } from '../../workflows/sales-project-messages';

/** A new project's lifecycle row, written with the project: planning, nothing scheduled yet. */
export async function insertNewLifecycle(db: Db, projectId: string): Promise<void> {
  await db.insertInto('project_lifecycles').values({ projectId, state: JSON.stringify(newLifecycleState()), version: 0 }).execute();
}

/**
 * The workflow's state as of `version`; a write older than the row's (a retried activity that
 * arrives late) changes nothing. Answers whether it was written.
 */
export async function writeLifecycleState(db: Db, input: { projectId: string; state: SalesProjectState; version: number }): Promise<boolean> {
  const written = await db
    .insertInto('project_lifecycles')
    .values({ projectId: input.projectId, state: JSON.stringify(input.state), version: input.version })
    .onConflict((oc) =>
      oc
        .column('projectId')
        .doUpdateSet({ state: (eb) => eb.ref('excluded.state'), version: (eb) => eb.ref('excluded.version'), updatedAt: sql`now()` })
        .where('project_lifecycles.version', '<', (eb) => eb.ref('excluded.version')),
    )
    .returning('projectId')
    .executeTakeFirst();
  return written !== undefined;
}

export async function findLifecycleState(db: Db, projectId: string): Promise<SalesProjectState | undefined> {
  const row = await db.selectFrom('project_lifecycles').select('state').where('projectId', '=', projectId).executeTakeFirst();
  return row?.state;
}

/**
 * What a project's page shows besides its lists, in one round trip: the project, its lifecycle as
 * the workflow last wrote it (undefined without a row) and the state of its closing review.
 */
export async function findProjectPage(db: Db, projectId: string) {
  const row = await db
    .selectFrom('sales_projects as p')
    .leftJoin('project_lifecycles as l', 'l.projectId', 'p.id')
    .leftJoin('retrospectives as r', 'r.projectId', 'p.id')
    .selectAll('p')
    .select(['l.state as lifecycle', 'r.status as reviewStatus'])
    .where('p.id', '=', projectId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { lifecycle, reviewStatus, ...project } = row;
  return { project, lifecycle: lifecycle ?? undefined, reviewStatus: reviewStatus ?? null };
}
