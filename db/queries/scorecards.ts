import type { Db } from '../connect';
import type { Scorecard } from '../schema';
import type { ScorecardDimensionConfig } from '../../workflows/domain/sales-plan/training-and-scorecard';

export async function findScorecard(db: Db, projectId: string): Promise<Scorecard | undefined> {
  return db.selectFrom('scorecards').selectAll().where('projectId', '=', projectId).executeTakeFirst();
}

export async function saveScorecard(db: Db, projectId: string, dimensions: readonly ScorecardDimensionConfig[]): Promise<Scorecard> {
  const value = JSON.stringify(dimensions);
  return db
    .insertInto('scorecards')
    .values({ projectId, dimensions: value })
    .onConflict((oc) => oc.column('projectId').doUpdateSet({ dimensions: value, updatedAt: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteScorecard(db: Db, projectId: string): Promise<boolean> {
  const result = await db.deleteFrom('scorecards').where('projectId', '=', projectId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
