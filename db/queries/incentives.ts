import { sql } from 'kysely';
import type { Db } from '../connect';
import type { IncentivePayout, IncentiveRulesRow } from '../schema';
import type { Earnings, IncentiveRules } from '../../workflows/domain/sales-plan/incentives';
import type { PayoutStatus } from '../../workflows/domain/sales-plan/payout-status';

export async function findIncentiveRules(db: Db, projectId: string): Promise<IncentiveRulesRow | undefined> {
  return db.selectFrom('incentive_rules').selectAll().where('projectId', '=', projectId).executeTakeFirst();
}

/** Sets the project's one set of rules, replacing any earlier one. */
export async function upsertIncentiveRules(db: Db, projectId: string, values: { rules: IncentiveRules; metric: string; budgetLineId: string | null }): Promise<IncentiveRulesRow> {
  const row = { rules: JSON.stringify(values.rules), metric: values.metric, budgetLineId: values.budgetLineId, updatedAt: new Date() };
  return db
    .insertInto('incentive_rules')
    .values({ projectId, ...row })
    .onConflict((oc) => oc.column('projectId').doUpdateSet(row))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Each member's exact total of `metric` reported by them in [from, until]. */
export async function memberKpiTotals(db: Db, projectId: string, metric: string, from: Date, until: Date): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('kpi_reports')
    .select(['reporterId', (eb) => eb.fn.sum<string>('value').as('total')])
    .where('projectId', '=', projectId)
    .where('metric', '=', metric)
    .where('reportedAt', '>=', from)
    .where('reportedAt', '<=', until)
    .groupBy('reporterId')
    .execute();
  return new Map(rows.map((row) => [row.reporterId, String(row.total)]));
}

/** The milestones of a member's (they own them) found met by the due-time check by `until`. */
export async function metMilestoneIds(db: Db, projectId: string, until: Date): Promise<{ id: string; ownerId: string }[]> {
  return db
    .selectFrom('milestones')
    .select(['id', 'ownerId'])
    .where('projectId', '=', projectId)
    .where('status', '=', 'met')
    .where('checkedAt', '<=', until)
    .execute();
}

export async function listPayouts(db: Db, projectId: string, where: { memberId?: string; status?: PayoutStatus } = {}): Promise<(IncentivePayout & { memberName: string })[]> {
  let query = db
    .selectFrom('incentive_payouts as p')
    .innerJoin('users as u', 'u.id', 'p.memberId')
    .selectAll('p')
    .select('u.name as memberName')
    .where('p.projectId', '=', projectId);
  if (where.memberId) query = query.where('p.memberId', '=', where.memberId);
  if (where.status) query = query.where('p.status', '=', where.status);
  return query.orderBy('p.createdAt').orderBy('p.id').execute();
}

/** What has been raised for each member so far, whatever became of it: a rejected payout is not raised again. */
export async function raisedByMember(db: Db, projectId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('incentive_payouts')
    .select(['memberId', (eb) => eb.fn.sum<string>('amount').as('total')])
    .where('projectId', '=', projectId)
    .groupBy('memberId')
    .execute();
  return new Map(rows.map((row) => [row.memberId, String(row.total)]));
}

/** Records a payout once per subject; null when that subject was recorded before. */
export async function insertPayoutOnce(
  db: Db,
  payout: { projectId: string; memberId: string; subject: string; amount: string; earnedTotal: string; earnings: Earnings; asOf: Date; budgetLineId: string | null },
): Promise<IncentivePayout | null> {
  const row = await db
    .insertInto('incentive_payouts')
    .values({ ...payout, earnings: JSON.stringify(payout.earnings) })
    .onConflict((oc) => oc.columns(['projectId', 'subject']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

export async function findPayout(db: Db, id: string): Promise<IncentivePayout | undefined> {
  return db.selectFrom('incentive_payouts').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Decides a payout still earned and, when approved, books it on its budget line in the same
 * statement's transaction; a decided payout is left as it is (null), so a retry books nothing twice.
 */
export async function decideEarnedPayout(db: Db, id: string, decision: { status: 'approved' | 'rejected'; decidedAt: Date }): Promise<IncentivePayout | null> {
  const decided = await db
    .updateTable('incentive_payouts')
    .set(decision)
    .where('id', '=', id)
    .where('status', '=', 'earned')
    .returningAll()
    .executeTakeFirst();
  if (!decided) return null;
  if (decided.status === 'approved' && decided.budgetLineId) {
    await db
      .updateTable('budget_lines')
      .set({ spent: sql`trim_scale(spent + ${decided.amount}::numeric)` })
      .where('id', '=', decided.budgetLineId)
      .execute();
  }
  return decided;
}

/** Sums of the project's payouts by status, exact. */
export async function payoutTotals(db: Db, projectId: string): Promise<Record<PayoutStatus, string>> {
  const rows = await db
    .selectFrom('incentive_payouts')
    .select(['status', (eb) => eb.fn.sum<string>('amount').as('total')])
    .where('projectId', '=', projectId)
    .groupBy('status')
    .execute();
  const totals: Record<PayoutStatus, string> = { earned: '0', approved: '0', rejected: '0' };
  for (const row of rows) totals[row.status] = String(row.total);
  return totals;
}
