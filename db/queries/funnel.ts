import type { Db } from '../connect';
import type { FunnelStageRow, ProjectFunnel } from '../schema';

export async function findFunnel(db: Db, projectId: string): Promise<ProjectFunnel | undefined> {
  return db.selectFrom('project_funnels').selectAll().where('projectId', '=', projectId).executeTakeFirst();
}

/** Sets the project's funnel, replacing the one it had (one row per project, audited before and after). */
export async function saveFunnel(db: Db, projectId: string, funnel: { averageDeal: string; stages: FunnelStageRow[] }): Promise<ProjectFunnel> {
  const stages = JSON.stringify(funnel.stages);
  return db
    .insertInto('project_funnels')
    .values({ projectId, averageDeal: funnel.averageDeal, stages })
    .onConflict((oc) => oc.column('projectId').doUpdateSet({ averageDeal: funnel.averageDeal, stages, updatedAt: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The KPI metric names of the project's funnel stages (reports of them are stage counts); none without a funnel. */
export async function listFunnelStageKeys(db: Db, projectId: string): Promise<string[]> {
  return (await findFunnel(db, projectId))?.stages.map((stage) => stage.key) ?? [];
}
